import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { precompressDir } from './precompress';
import { checkBase, staticHostHeaders } from './siteHeaders';

/**
 * What a web host needs beside the app, for the base it is built with (`vite build --base
 * /news/`): `_headers` for static hosts (`siteHeaders.ts`), and, once everything else is written
 * (the service worker included), a `.gz` and a `.br` beside every text file for nginx
 * (`precompress.ts`). `NEWS_PRECOMPRESS=0` leaves the compressed files out (a build only served
 * by `vite preview`, or by a host that compresses by itself).
 */
export function hostingPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'news-archive-hosting',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
      checkBase(config.base);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: staticHostHeaders(config.base) });
    },
    closeBundle: {
      // After vite-plugin-pwa's own closeBundle, which writes sw.js.
      order: 'post',
      sequential: true,
      async handler() {
        if (process.env.NEWS_PRECOMPRESS === '0') return;
        const started = Date.now();
        const report = await precompressDir(path.resolve(config.root, config.build.outDir));
        const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
        config.logger.info(
          `news-archive-hosting: ${report.files} files precompressed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${mb(report.bytes)} → gzip ${mb(report.gzipBytes)}, brotli ${mb(report.brotliBytes)}`,
        );
      },
    },
  };
}
