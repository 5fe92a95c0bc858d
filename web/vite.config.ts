// The web application for professionals. `npm run build` writes it to dist/web,
// which the API server serves at `/`; `npm run dev:web` runs Vite's dev server
// and passes /api to the API server (default http://127.0.0.1:3000, override with DW_API_URL).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.DW_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
