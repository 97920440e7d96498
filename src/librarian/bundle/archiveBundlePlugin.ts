import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { BUNDLE_DIR, BUNDLE_MANIFEST } from '../../core/format';
import type { Bundle } from './buildBundle';
import { buildArchiveBundle } from './readArchiveImages';

export interface ArchiveBundlePluginOptions {
  /**
   * The librarians' archive, absolute or relative to the project root; defaults to `archive/`.
   * `vite.config.ts` passes `NEWS_ARCHIVE_DIR` here, so that the same app can be built with
   * another archive (the benchmark's 10,000 and 100,000 articles) without touching `archive/`.
   */
  archiveDir?: string;
}

const build = (archiveDir: string): Promise<Bundle> => buildArchiveBundle(archiveDir);

/**
 * Builds the archive bundle as part of `vite build` (emitting `bundle/manifest.json`, the
 * content-hashed data files and the images articles show, `bundle/images/<hash>.webp`, into
 * `dist/`) and serves it under `vite dev`, rebuilt whenever a file in the archive changes.
 * An invalid archive fails the build with the validator's message naming file, record and field.
 */
export function archiveBundlePlugin(options: ArchiveBundlePluginOptions = {}): Plugin {
  let archiveDir = '';
  let devBundle: Promise<Bundle> | undefined;
  return {
    name: 'news-archive-bundle',
    configResolved(config) {
      archiveDir = path.resolve(config.root, options.archiveDir ?? 'archive');
      // Say so when the bundle comes from elsewhere: a build of the wrong archive is easy to miss.
      if (options.archiveDir !== undefined) config.logger.info(`news-archive-bundle: building the bundle from ${archiveDir}`);
    },
    async generateBundle() {
      let bundle: Bundle;
      try {
        bundle = await build(archiveDir);
      } catch (err) {
        this.error((err as Error).message);
      }
      for (const [name, content] of bundle.files) {
        this.emitFile({ type: 'asset', fileName: `${BUNDLE_DIR}/${name}`, source: content });
      }
      for (const [name, file] of bundle.images) {
        this.emitFile({ type: 'asset', fileName: `${BUNDLE_DIR}/${name}`, source: await readFile(file) });
      }
      this.emitFile({ type: 'asset', fileName: `${BUNDLE_DIR}/${BUNDLE_MANIFEST}`, source: JSON.stringify(bundle.manifest) });
    },
    configureServer(server: ViteDevServer) {
      const rebuild = () => {
        devBundle = build(archiveDir);
        devBundle.catch((err: Error) => server.config.logger.error(err.message));
      };
      rebuild();
      server.watcher.add(archiveDir);
      server.watcher.on('all', (_event, file) => {
        if (path.resolve(file).startsWith(archiveDir + path.sep)) rebuild();
      });
      const prefix = `${server.config.base}${BUNDLE_DIR}/`;
      server.middlewares.use(async (req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(prefix) || !devBundle) return next();
        try {
          const bundle = await devBundle;
          const name = url.slice(prefix.length);
          const image = bundle.images.get(name);
          if (image !== undefined) {
            res.setHeader('Content-Type', 'image/webp');
            res.end(await readFile(image));
            return;
          }
          const body = name === BUNDLE_MANIFEST ? JSON.stringify(bundle.manifest) : bundle.files.get(name);
          if (body === undefined) {
            res.statusCode = 404;
            res.end('not in the bundle');
            return;
          }
          res.setHeader('Content-Type', 'application/json');
          res.end(body);
        } catch (err) {
          res.statusCode = 500;
          res.end((err as Error).message);
        }
      });
    },
  };
}
