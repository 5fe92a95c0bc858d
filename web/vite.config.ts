// The web application for professionals. `npm run build` writes it to dist/web,
// which the API server serves at `/`; `npm run dev:web` runs Vite's dev server
// and passes /api to the API server (default http://127.0.0.1:3000, override with DW_API_URL).
// The build writes no source maps (they would hand out the source; the server
// refuses .map files anyway) and a .br and .gz copy beside each asset, which
// the server sends to browsers that accept them (src/http/web-ui.ts).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompressDirectory } from '../src/http/precompress.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/** Compresses the finished bundle once, so the server never compresses on the request path. */
function precompress(): Plugin {
  return {
    name: 'dossierwijzer-precompress',
    apply: 'build',
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.DW_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
