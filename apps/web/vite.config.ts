import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into dist.next/web by `npm run build`, which then swaps dist.next in as dist.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: '../../dist.next/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // Mantine marks its modules "use client" for server rendering, which a browser bundle ignores.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  resolve: { alias: { '@web': fileURLToPath(new URL('./src', import.meta.url)) } },
  oxc: { jsx: { runtime: 'automatic' } },
  // `npm run dev:web` serves the app with hot reload in front of `npm start` on :3000.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
