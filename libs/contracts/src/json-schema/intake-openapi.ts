import { z } from 'zod';
import {
  INTAKE_PATHS,
  SOURCE_AUTH_HEADERS,
  intakeAcceptedSchema,
  intakeErrorBodySchema,
} from '../api/intake-api';
import { HOOK_AUTH_QUERY, INTAKE_HOOK_PATHS, type IntakeHookPath } from '../api/intake-hooks-api';
import { type JsonObject } from './message-schemas';

const json = (schema: z.ZodType, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;

function responses(statuses: Readonly<Record<number, string>>): JsonObject {
  const accepted = { 'application/json': { schema: { $ref: '#/components/schemas/IntakeAccepted' } } };
  const refused = { 'application/json': { schema: { $ref: '#/components/schemas/IntakeError' } } };
  return Object.fromEntries(
    Object.entries(statuses).map(([status, description]) => {
      const body: JsonObject = { description, content: status === '202' ? accepted : refused };
      if (status === '503')
        body.headers = {
          'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
        };
      return [status, body];
    }),
  );
}

/** The ingest's HTTP intake as OpenAPI 3.1, from the same zod schemas the ingest validates with. */
export function intakeOpenApiDocument(options: { version: string; server: string }): JsonObject {
  const paths: JsonObject = {};
  for (const p of INTAKE_PATHS) {
    paths[p.path] = {
      post: {
        summary: p.summary,
        // Every request names its source and proves it (docs/sources.md); which ones a source sends
        // depends on its mode (HMAC: timestamp + signature; key: the key).
        parameters: Object.values(SOURCE_AUTH_HEADERS).map((h) => ({
          name: h.name,
          in: 'header',
          required: h.name === SOURCE_AUTH_HEADERS.source.name,
          description: h.description,
          schema: { type: 'string' },
        })),
        requestBody: { required: true, content: { 'application/json': { schema: json(p.body, 'input') } } },
        responses: responses(p.statuses),
      },
    };
  }
  for (const h of INTAKE_HOOK_PATHS) paths[h.path] = { post: hookOperation(h) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fengqiao HTTP intake',
      version: options.version,
      description:
        'The ingest’s HTTP intake: each body is validated exactly as the Kafka consumer validates a message, then produced to its input topic. Refusals carry a code; the same codes are the fq-dlq-code header of a dead letter. Generated from the zod schemas in libs/contracts: do not edit by hand.',
    },
    servers: [{ url: options.server, description: 'The development stack ingest (FQ_INGEST_PORT).' }],
    paths,
    components: {
      schemas: {
        IntakeAccepted: json(intakeAcceptedSchema, 'output'),
        IntakeError: json(intakeErrorBodySchema, 'output'),
      },
    },
  };
}

/** A media server's webhook: authenticated by query parameters, answered the way that server expects. */
function hookOperation(h: IntakeHookPath): JsonObject {
  const query = Object.values(HOOK_AUTH_QUERY).map((q) => ({
    name: q.name,
    in: 'query',
    required: q.name === HOOK_AUTH_QUERY.source.name,
    description: q.description,
    schema: { type: 'string' },
  }));
  const hookParam =
    h.hookNames === undefined
      ? []
      : [{ name: 'hook', in: 'path', required: true, schema: { type: 'string', enum: [...h.hookNames] } }];
  const refused = { 'application/json': { schema: { $ref: '#/components/schemas/IntakeError' } } };
  const responses = Object.fromEntries(
    Object.entries(h.statuses).map(([status, description]) => [
      status,
      {
        description,
        content: status === '200' ? { 'application/json': { schema: json(h.reply, 'output') } } : refused,
      },
    ]),
  );
  return {
    summary: h.summary,
    parameters: [...hookParam, ...query],
    // node-media-server posts its JSON as text/plain.
    requestBody: {
      required: true,
      content: Object.fromEntries(
        ['application/json', 'text/plain'].map((type) => [type, { schema: json(h.body, 'input') }]),
      ),
    },
    responses,
  };
}
