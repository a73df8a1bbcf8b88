import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // Print each chunk's gzip size too; the budget (≤ 350 KB gzip) is checked by `npm run bench` (B4).
      reportCompressedSize: true,
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: {
          // Few chunks, each gzipped once (a browser fetches ~6 files at a time from one host, and each file
          // gzipped on its own costs about 1 KB of the total): everything the first load needs is one chunk;
          // every library module only lazy parts use is another; the app's own modules two or more lazy parts
          // share are a third; each lazy part keeps its own. (A catch-all group mixing libraries and app code
          // made chunks that import each other, and one ran before what it needed: "x is not a function".)
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [
              { name: 'initial', tags: ['$initial'], priority: 3 },
              { name: 'ui-lazy', test: /node_modules[\\/]/, priority: 2 },
              { name: 'shared', test: /[\\/](renderer|electron)[\\/]/, minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
