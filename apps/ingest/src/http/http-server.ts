import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { type IntakeErrorBody, type IntakeErrorCode } from '@fengqiao/contracts';
import { renderMetrics, type HealthReport } from '@fengqiao/process';
import { type SourceGuard } from '@fengqiao/source-auth';
import { type IngestMetrics } from '../metrics';
import { httpStatusOf } from '../validation/rejection';
import { registerHookRoutes } from './hook-routes';
import { authenticate, refuseScope } from './intake-auth';
import { type IntakeResult, type IntakeService } from './intake.service';

/** The process's health in the shared contract (libs/process): consumer progress, database ping. */
export interface HealthSource {
  health(): Promise<HealthReport>;
}

/** /health, /metrics and the intake endpoints on one small Fastify server. */
export function buildHttpServer(deps: {
  intake: IntakeService;
  /** Every intake and hook request is authenticated against the source registry first. */
  guard: SourceGuard;
  metrics: IngestMetrics;
  health: HealthSource;
  /** Seconds a client should wait before retrying while Kafka is unreachable. */
  retryAfterS: number;
  /** The largest message (config.tuning.ingest.maxMessageBytes): intake bodies and hook payloads. */
  maxMessageBytes: number;
}): FastifyInstance {
  // Fastify's body limit sits just above ours so the validator, not the framework, explains a refusal.
  const app = Fastify({ bodyLimit: deps.maxMessageBytes + 1024, logger: false, return503OnClosing: true });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const health = async (_req: unknown, reply: FastifyReply): Promise<FastifyReply> => {
    const report = await deps.health.health();
    return reply.code(report.status === 'ok' ? 200 : 503).send(report);
  };
  app.get('/health', health);
  app.get('/ready', health);
  // `?name=<metric>` renders one metric only: pollers that want a single counter (the benchmark reads
  // fq_ingest_events_total ten times a second) need not pay for the whole registry.
  app.get<{ Querystring: { name?: string } }>('/metrics', async (req, reply) => {
    const page = await renderMetrics(deps.metrics.registry, req.query.name);
    if (page === undefined) return reply.code(404).send({ error: 'no such metric' });
    return reply.type(page.contentType).send(page.body);
  });
  const intake = (route: string, channel: 'case' | 'camera') =>
    app.post(route, async (req, reply) => {
      const auth = authenticate(deps.guard, deps.metrics, req, reply, route);
      if (auth === undefined) return reply;
      const body = Buffer.isBuffer(req.body) ? req.body : null;
      const result = await deps.intake.accept(channel, body, auth.source);
      if (result.status !== 'accepted') deps.guard.forget(auth);
      if (result.status === 'out-of-scope')
        return refuseScope(deps.metrics, reply, route, auth.source.id, result.reason);
      return answer(reply, result, deps.retryAfterS, (status) =>
        deps.metrics.intakeRequests.inc({ route, status }),
      );
    });
  intake('/v1/intake/case-events', 'case');
  intake('/v1/intake/camera-events', 'camera');
  registerHookRoutes(app, deps);

  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    const status = err.statusCode !== undefined && err.statusCode >= 400 ? err.statusCode : 500;
    const code = frameworkErrorCode(status);
    const body: IntakeErrorBody = { error: { code, reason: status < 500 ? err.message : 'internal error' } };
    return reply.code(status).send(body);
  });
  return app;
}

/** Our code for a request the framework refused (its own codes, FST_ERR_*, are not our contract). */
function frameworkErrorCode(status: number): IntakeErrorCode {
  if (status === 413) return 'OVERSIZED';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
}

function answer(
  reply: FastifyReply,
  result: Exclude<IntakeResult, { status: 'out-of-scope' }>,
  retryAfterS: number,
  count: (status: string) => void,
): FastifyReply {
  switch (result.status) {
    case 'accepted':
      count('202');
      return reply.code(202).send({ eventId: result.eventId });
    case 'rejected': {
      const status = httpStatusOf(result.rejection.code);
      count(String(status));
      return reply.code(status).send({ error: result.rejection });
    }
    case 'unavailable':
      count('503');
      return reply
        .code(503)
        .header('retry-after', String(retryAfterS))
        .send({
          error: {
            code: 'KAFKA_UNAVAILABLE',
            reason: `event bus unavailable (${result.reason}); retry later`,
          },
        });
  }
}
