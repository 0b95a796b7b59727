import { type NestFastifyApplication } from '@nestjs/platform-fastify';

/** The Fastify instance under Nest (its own copy of fastify's types, as in metrics/http-metrics.ts). */
type FastifyInstance = ReturnType<ReturnType<NestFastifyApplication['getHttpAdapter']>['getInstance']>;

/** One 5xx as the server saw it: enough to replay it by hand. */
export interface ServerErrorSample {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly body: string;
}

const MAX_SAMPLES = 20;

/**
 * Counts, on the server side, every answer the fuzzed API sent and keeps the first 5xx requests.
 * Independent of schemathesis' own report: the request count is what the API really served.
 */
export class ServerTally {
  requests = 0;
  serverErrors = 0;
  readonly samples: ServerErrorSample[] = [];

  install(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', async (request, reply) => {
      this.requests += 1;
      if (reply.statusCode < 500) return;
      this.serverErrors += 1;
      if (this.samples.length >= MAX_SAMPLES) return;
      this.samples.push({
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        body: request.body === undefined ? '' : JSON.stringify(request.body).slice(0, 500),
      });
    });
  }
}
