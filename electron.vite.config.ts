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
          // the Fluent parts only the lazy views use are another (not their dependencies: the first load
          // shares those); what two or more lazy views share is a third; each view keeps its own.
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [
              { name: 'initial', tags: ['$initial'], priority: 3 },
              {
                name: 'ui-lazy',
                test: /node_modules[\\/](@fluentui[\\/]react-(positioning|dialog|label|field|input|radio|checkbox|select|spinner|badge|message-bar)|@tanstack)[\\/]/,
                priority: 2,
              },
              { name: 'shared', minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
