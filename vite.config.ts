import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { archiveBundlePlugin } from './src/librarian/bundle/archiveBundlePlugin';
import { BUNDLE_DIR, BUNDLE_MANIFEST } from './src/core/format';
import { hostingPlugin } from './deploy/hostingPlugin';

export default defineConfig({
  plugins: [
    solid(),
    // NEWS_ARCHIVE_DIR builds the app with another archive (e.g. the benchmark's 10,000 articles):
    // `NEWS_ARCHIVE_DIR=/tmp/my-archive npx vite build --outDir /tmp/my-dist`. Default: archive/.
    archiveBundlePlugin({ archiveDir: process.env.NEWS_ARCHIVE_DIR || undefined }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Registration is ours (src/app/pwa/registerServiceWorker.ts, through workbox-window).
      injectRegister: false,
      registerType: 'prompt',
      // Our glob already lists the icons; the plugin's own copy would precache them twice.
      includeManifestIcons: false,
      injectManifest: {
        // The app shell only: the bundle's data files are saved apart, with progress and hash
        // checks (src/edition/). The bundle manifest is listed so that every new edition changes
        // sw.js and so installs as an update; the service worker never serves it from the
        // precache. svg and webmanifest are added by the plugin itself.
        globPatterns: ['**/*.{js,css,html,png,ico,txt}', `${BUNDLE_DIR}/${BUNDLE_MANIFEST}`],
        // Names with a content hash never need a revision: Vite's assets.
        dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8}\.(js|css)$/,
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      },
      manifest: {
        name: 'Offline News Archive',
        short_name: 'News Archive',
        description: 'Search and browse a news archive with no connection at all.',
        lang: 'en',
        display: 'standalone',
        theme_color: '#1f3a5f',
        background_color: '#fbfaf7',
        categories: ['news', 'books'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      devOptions: { enabled: false },
      integration: {
        // The app works under any base (`npm run build -- --base /news/`): its identity, scope
        // and start page are that base, known only once Vite has resolved the command line.
        configureOptions(config, options) {
          options.manifest = { ...options.manifest, id: config.base, start_url: config.base, scope: config.base };
        },
      },
    }),
    // `_headers` for static hosts and the precompressed .gz/.br files for nginx (deploy/).
    hostingPlugin(),
  ],
  build: {
    target: 'es2022',
    // No <link rel="modulepreload"> added by script before each dynamic import: appending them
    // was a large part of the entry's task at 4× CPU (Chromium), for chunks of a few KB that the
    // browser finds when it parses the chunk that imports them.
    modulePreload: false,
    // Source maps for profiling (bench/profileStart.ts), kept out of the page: `hidden` writes
    // the .map files but no comment pointing to them, and the precache globs leave them out.
    sourcemap: process.env.NEWS_SOURCEMAP === '1' ? 'hidden' : false,
  },
  worker: { format: 'es' },
});
