import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Non-default folders (src-main, src-preload, src-renderer) need explicit inputs and a renderer root.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Loading a package's hundreds of small ES modules from node_modules cost seconds at start-up
      // (drizzle-orm alone ~1 s here): pure-JS dependencies are bundled into main's few files. Native
      // addons stay external (they load from app.asar.unpacked), as does electron-updater (loaded lazily).
      externalizeDeps: {
        exclude: [
          'drizzle-orm',
          'zod',
          '@anthropic-ai/sdk',
          'openai',
          '@azure/msal-node',
          '@microsoft/microsoft-graph-client',
          'date-fns',
          'ws',
          'fflate',
          'electron-log',
        ],
      },
      rollupOptions: {
        input: {
          // The Electron entry, and the browser host that serves the same core over a WebSocket.
          index: resolve(import.meta.dirname, 'src-main/index.ts'),
          serve: resolve(import.meta.dirname, 'src-main/host/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require npm modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    plugins: [react()],
    // Only main validates: the renderer gets an inert zod (src-renderer/build/zod-stand-in.ts), ~100 KB less.
    resolve: { alias: { zod: resolve(import.meta.dirname, 'src-renderer/build/zod-stand-in.ts') } },
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // Minified, no source maps shipped: the first load is what a launch waits for.
      minify: true,
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') },
      },
    },
  },
});
