import { type IntakeErrorBody } from '@fengqiao/contracts';
import { type GuardRequest, type GuardVerdict, type SourceGuard } from '@fengqiao/source-auth';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type IngestMetrics } from '../metrics';

/** What the guard reads of a Fastify request; hooks may name their source and key in the query. */
export function guardRequestOf(req: FastifyRequest): GuardRequest {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return {
    path: req.url.split('?')[0] ?? req.url,
    header: (name) => {
      const v = req.headers[name];
      const given = Array.isArray(v) ? v[0] : v;
      return given ?? (name === 'x-fq-source' ? text(query.source) : undefined);
    },
    queryKey: text(query.key),
    body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };
}

/**
 * Authenticates a request: the source, or the refusal already answered and counted. Unregistered
 * ids are counted as "unknown" (a caller must not be able to grow the metric's labels).
 */
export function authenticate(
  guard: SourceGuard,
  metrics: IngestMetrics,
  req: FastifyRequest,
  reply: FastifyReply,
  route: string,
): Extract<GuardVerdict, { ok: true }> | undefined {
  const verdict = guard.check(guardRequestOf(req));
  if (verdict.ok) {
    metrics.intakeKeyUsed.inc({ source: verdict.source.id, key: verdict.keyId });
    return verdict;
  }
  metrics.intakeRefused.inc({ code: verdict.code, source: verdict.sourceId ?? 'unknown' });
  metrics.intakeRequests.inc({ route, status: String(verdict.status) });
  const body: IntakeErrorBody = { error: { code: verdict.code, reason: verdict.reason } };
  void reply.code(verdict.status).send(body);
  return undefined;
}

/** 403 for an event outside the source's kinds or regions, counted like the other refusals. */
export function refuseScope(
  metrics: IngestMetrics,
  reply: FastifyReply,
  route: string,
  sourceId: string,
  reason: string,
): FastifyReply {
  metrics.intakeRefused.inc({ code: 'OUT_OF_SCOPE', source: sourceId });
  metrics.intakeRequests.inc({ route, status: '403' });
  const body: IntakeErrorBody = { error: { code: 'OUT_OF_SCOPE', reason } };
  return reply.code(403).send(body);
}
