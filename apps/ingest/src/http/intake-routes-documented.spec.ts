import { INTAKE_HOOK_PATHS, INTAKE_PATHS, ZLM_HOOKS, contractDocuments } from '@fengqiao/contracts';
import { SourceGuard } from '@fengqiao/source-auth';
import { type FastifyInstance } from 'fastify';
import { IngestMetrics } from '../metrics';
import { buildHttpServer } from './http-server';
import { type IntakeService } from './intake.service';

/** Routes of the ingest's HTTP server that are operations, not part of the intake contract. */
const OPERATIONS = ['/health', '/ready', '/metrics'];

/** Every route the server registers, as `METHOD path` (Fastify's `:param` written `{param}`). */
async function routesOf(app: FastifyInstance): Promise<Set<string>> {
  await app.ready();
  const seen = new Set<string>();
  // commonPrefix false prints one full path a line: `├── /v1/hooks/zlmediakit/:hook (POST)`.
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /(\/\S*) \(([A-Z, ]+)\)$/.exec(line);
    if (m === null) continue;
    for (const method of (m[2] ?? '').split(', '))
      if (method !== 'HEAD') seen.add(`${method} ${(m[1] ?? '').replace(/:(\w+)/g, '{$1}')}`);
  }
  await app.close();
  return seen;
}

describe('the intake OpenAPI document lists every intake route the ingest serves', () => {
  const doc = JSON.parse(
    contractDocuments().find((d) => d.path === 'intake-openapi.json')?.content ?? '{}',
  ) as { paths: Record<string, Record<string, unknown>> };
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    ),
  );
  let served = new Set<string>();
  beforeAll(async () => {
    served = await routesOf(
      buildHttpServer({
        // Registering routes touches none of these; the server is never started.
        intake: {} as IntakeService,
        guard: new SourceGuard(() => ({ sources: new Map(), origin: 'none' }), Date.now),
        metrics: new IngestMetrics(),
        health: { health: () => Promise.reject(new Error('not started')) },
        retryAfterS: 5,
        maxMessageBytes: 64 * 1024,
      }),
    );
  });

  it('finds the routes (the enumeration itself works)', () => {
    expect(served.has('POST /v1/intake/case-events')).toBe(true);
    expect(served.size).toBeGreaterThan(OPERATIONS.length);
  });

  it('documents each served intake and hook route, and nothing the server does not serve', () => {
    const intakeRoutes = [...served].filter((r) => !OPERATIONS.includes(r.split(' ')[1] ?? ''));
    expect([...documented].sort()).toEqual(intakeRoutes.sort());
  });

  it('the hook routes carry their bodies, the hook names and the query authentication', () => {
    expect(Object.keys(doc.paths)).toEqual([...INTAKE_PATHS, ...INTAKE_HOOK_PATHS].map((p) => p.path));
    const zlm = JSON.stringify(doc.paths['/v1/hooks/zlmediakit/{hook}']);
    for (const hook of ZLM_HOOKS) expect(zlm).toContain(`"${hook}"`);
    for (const field of ['"regist"', '"mediaServerId"', '"name":"source"', '"name":"key"'])
      expect(zlm).toContain(field);
    expect(JSON.stringify(doc.paths['/v1/hooks/node-media-server'])).toContain('"postPublish"');
  });
});
