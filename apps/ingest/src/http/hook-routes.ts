import { type IntakeErrorBody } from '@fengqiao/contracts';
import {
  HookFormatError,
  mapNmsNotify,
  mapZlmHook,
  zlmReply,
  ZLM_HOOKS,
  type HookMapping,
  type SourceGuard,
  type ZlmHook,
} from '@fengqiao/source-auth';
import { type FastifyInstance, type FastifyReply } from 'fastify';
import { type IngestMetrics } from '../metrics';
import { httpStatusOf } from '../validation/rejection';
import { parseJsonSafely } from '../validation/safe-json';
import { authenticate, refuseScope } from './intake-auth';
import { type IntakeService } from './intake.service';

interface HookDeps {
  readonly intake: IntakeService;
  readonly guard: SourceGuard;
  readonly metrics: IngestMetrics;
  readonly retryAfterS: number;
  readonly maxMessageBytes: number;
}

const refused = (reply: FastifyReply, status: number, body: IntakeErrorBody): FastifyReply =>
  reply.code(status).send(body);

/**
 * Media servers' webhooks as camera status (docs/sources.md): ZLMediaKit's on_stream_changed,
 * on_stream_none_reader and on_server_keepalive, node-media-server's notify. Their senders cannot
 * sign, so these are key sources (`?source=<id>&key=<key>` in the configured hook URL). A hook that
 * maps to no status is still acknowledged the way its server expects.
 */
export function registerHookRoutes(app: FastifyInstance, deps: HookDeps): void {
  void app.register((scope, _opts, registered) => {
    // node-media-server posts its JSON without a content type (fetch sends text/plain).
    scope.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    scope.post<{ Params: { hook: string } }>('/v1/hooks/zlmediakit/:hook', async (req, reply) => {
      const route = '/v1/hooks/zlmediakit';
      const hook = req.params.hook;
      if (!(ZLM_HOOKS as readonly string[]).includes(hook))
        return refused(reply, 404, {
          error: { code: 'BAD_REQUEST', reason: `hooks taken: ${ZLM_HOOKS.join(', ')}` },
        });
      const zlmHook = hook as ZlmHook;
      return handle(
        deps,
        req.body,
        reply,
        route,
        'zlmediakit',
        zlmHook,
        (v) => mapZlmHook(zlmHook, v),
        () => zlmReply(zlmHook),
      );
    });

    scope.post('/v1/hooks/node-media-server', async (req, reply) =>
      handle(
        deps,
        req.body,
        reply,
        '/v1/hooks/node-media-server',
        'node-media-server',
        'notify',
        mapNmsNotify,
        () => ({
          ok: true,
        }),
      ),
    );
    registered();
  });

  async function handle(
    d: HookDeps,
    rawBody: unknown,
    reply: FastifyReply,
    route: string,
    server: string,
    hook: string,
    map: (value: unknown) => HookMapping,
    ack: () => Record<string, unknown>,
  ): Promise<FastifyReply> {
    const req = reply.request;
    const auth = authenticate(d.guard, d.metrics, req, reply, route);
    const count = (outcome: string): void => {
      d.metrics.hooks.inc({ server, hook, outcome });
    };
    if (auth === undefined) {
      count('refused');
      return reply;
    }
    const parsed = parseJsonSafely(Buffer.isBuffer(rawBody) ? rawBody : null, d);
    if (!parsed.ok) {
      count('refused');
      return refused(reply, httpStatusOf(parsed.rejection.code), { error: parsed.rejection });
    }
    let mapping: HookMapping;
    try {
      mapping = map(parsed.value);
    } catch (err) {
      if (!(err instanceof HookFormatError)) throw err;
      count('refused');
      return refused(reply, 400, { error: { code: 'SCHEMA_INVALID', reason: err.message } });
    }
    if (mapping.kind === 'ignored') {
      count('ignored');
      return reply.code(200).send(ack());
    }
    const result = await d.intake.acceptStatus(mapping.status, auth.source);
    if (result.status !== 'accepted') d.guard.forget(auth);
    switch (result.status) {
      case 'accepted':
        count('status');
        d.metrics.intakeRequests.inc({ route, status: '200' });
        return reply.code(200).send(ack());
      case 'out-of-scope':
        count('refused');
        return refuseScope(d.metrics, reply, route, auth.source.id, result.reason);
      case 'rejected':
        count('refused');
        return refused(reply, httpStatusOf(result.rejection.code), { error: result.rejection });
      case 'unavailable':
        count('unavailable');
        return reply
          .code(503)
          .header('retry-after', String(d.retryAfterS))
          .send({ error: { code: 'KAFKA_UNAVAILABLE', reason: `event bus unavailable (${result.reason})` } });
    }
  }
}
