import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
  },
  plugins: [
    react(),
    VitePWA({
      // The app registers the service worker itself through workbox-window (src/pwa), so an update waits for the
      // user's choice instead of reloading the page mid-edit.
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      includeAssets: ['favicon.svg', 'icons/*.png', 'robots.txt'],
      manifest: {
        id: '/',
        name: 'Rapport CRM',
        short_name: 'Rapport',
        description:
          'A local-first CRM: customers, interactions, deals and analytics on your own devices, offline and synced peer to peer.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1f4e79',
        background_color: '#f6f7f9',
        categories: ['business', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,txt,wasm,woff2,webmanifest}'],
        // The TensorFlow.js worker chunk and its wasm binaries exceed workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
        navigateFallback: '/index.html',
        // The first visit already works offline: the new worker takes over the open page at once.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2023',
    sourcemap: true,
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // Model training and the real datasets take seconds; the 5 s default failed runs that were only slow.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // Each file drives its own Chromium; on two cores running them one at a time is faster and steadier.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // What a poll waits for is a browser's work (a projection, a worker's answer): on a busy two-core machine
          // that takes seconds, and the default second failed runs that were only slow.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
