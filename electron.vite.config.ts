import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // better-sqlite3 is native and exceljs is large: both stay in node_modules (asar-unpacked for the .node file).
      externalizeDeps: true,
      // The spreadsheet reader runs in its own worker thread (electron/core/io/sheet-worker.ts).
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main.ts'), 'read-worker': resolve(__dirname, 'electron/core/io/read-worker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // CommonJS preload so the window can stay sandboxed (an ESM preload needs sandbox: false).
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      chunkSizeWarningLimit: 4000,
      // electron-vite leaves the renderer unminified; minified scripts parse and compile faster at start.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
