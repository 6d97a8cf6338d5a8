import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // main: the Electron app; web: the browser bridge; cli: the headless CLI;
        // fill-worker: the offline engine's worker thread, segment-worker: object selection's
        // (both loaded by path at run time).
        input: {
          main: resolve(root, 'electron/main.ts'),
          web: resolve(root, 'electron/bridge/web.ts'),
          cli: resolve(root, 'electron/cli/cli.ts'),
          'fill-worker': resolve(root, 'electron/engine/fill-worker.ts'),
          'segment-worker': resolve(root, 'electron/segment/segment-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle everything into one CJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
