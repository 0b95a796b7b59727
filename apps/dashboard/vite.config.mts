import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Build-tool configuration, not application code: the API origin the dev/preview proxy forwards to.
const apiOrigin = `http://127.0.0.1:${process.env.FQ_API_PORT ?? '3000'}`;
const proxy = { '/api': { target: apiOrigin }, '/socket.io': { target: apiOrigin, ws: true } };
// District boundaries are licensed data kept out of the repository (shared/geo/README.md): the
// dev/preview server serves the configured file at the URL the wall loads; nginx does in production.
const geoPath = process.env.FQ_GEOJSON;
const GEO_URL = '/geo/districts.geojson';

function serveGeo(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (req.url !== GEO_URL) return next();
  if (geoPath === undefined || geoPath === '') {
    res.statusCode = 404;
    res.end();
    return;
  }
  readFile(geoPath)
    .then((body) => {
      res.setHeader('content-type', 'application/geo+json');
      res.end(body);
    })
    .catch(() => {
      res.statusCode = 404;
      res.end();
    });
}

const districtBoundaries: Plugin = {
  name: 'fengqiao-district-boundaries',
  configureServer: (server) => void server.middlewares.use(serveGeo),
  configurePreviewServer: (server) => void server.middlewares.use(serveGeo),
};

// The dashboard may import only scope:shared libs (contracts, domain, geo); the aliases mirror tsconfig paths.
export default defineConfig({
  plugins: [react(), districtBoundaries],
  resolve: {
    alias: {
      '@fengqiao/contracts': `${root}libs/contracts/src/index.ts`,
      '@fengqiao/domain': `${root}libs/domain/src/index.ts`,
      '@fengqiao/geo': `${root}libs/geo/src/index.ts`,
    },
  },
  server: { host: '127.0.0.1', strictPort: true, proxy },
  preview: { host: '127.0.0.1', strictPort: true, proxy },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
