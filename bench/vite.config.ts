import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The benchmark pages: built apart from the app so no benchmark code ships to users, and served beside the
// production build under /bench/ on the same origin, so both see the same IndexedDB.
export default defineConfig({
  root: fileURLToPath(new URL('./browser', import.meta.url)),
  base: '/bench/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./.build', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
  },
});
