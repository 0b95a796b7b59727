import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { evaluateHealth, type HealthCheck } from './health';

export interface HealthServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Read on each request: a process that is still starting has other checks than a running one. */
  readonly checks: () => readonly HealthCheck[];
  /** Upper bound of one check; a hanging one is reported failed. */
  readonly checkTimeoutMs: number;
}

export interface HealthServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * `GET /health` and `GET /ready` for apps without an HTTP server of their own (warning, reports):
 * the same report as everywhere, 200 when ok, 503 when degraded. Nothing else is served.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const startedAt = Date.now();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || (path !== '/health' && path !== '/ready')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NOT_FOUND"}}');
      return;
    }
    evaluateHealth(options.checks(), startedAt, options.checkTimeoutMs).then(
      (report) =>
        res
          .writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify(report)),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
