import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Build-tool configuration, not application code: the API origin the dev/preview proxy forwards to.
const apiOrigin = `http://127.0.0.1:${process.env.FQ_API_PORT ?? '3000'}`;
const proxy = { '/api': { target: apiOrigin }, '/socket.io': { target: apiOrigin, ws: true } };

// The dashboard may import only the contracts lib (scope:shared); the alias mirrors tsconfig paths.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@fengqiao/contracts': `${root}libs/contracts/src/index.ts` } },
  server: { host: '127.0.0.1', strictPort: true, proxy },
  preview: { host: '127.0.0.1', strictPort: true, proxy },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
