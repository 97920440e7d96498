import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { archiveBundlePlugin } from './src/librarian/bundle/archiveBundlePlugin';
import { BUNDLE_DIR } from './src/core/format';

export default defineConfig({
  plugins: [
    solid(),
    archiveBundlePlugin(),
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
        // The bundle's data files are emitted by archiveBundlePlugin; svg and webmanifest are
        // added by the plugin itself (listing them here would precache them twice).
        globPatterns: ['**/*.{js,css,html,png,ico,txt}', `${BUNDLE_DIR}/*.json`],
        // Names with a content hash never need a revision: Vite's assets and the bundle's files.
        dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8}\.(js|css)$|^bundle\/.+\.[0-9a-f]{12}\.json$/,
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      },
      manifest: {
        id: '/',
        name: 'Offline News Archive',
        short_name: 'News Archive',
        description: 'Search and browse a news archive with no connection at all.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait-primary',
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
    }),
  ],
  build: {
    target: 'es2022',
  },
  worker: { format: 'es' },
});
