import { z } from 'zod';
import {
  INTAKE_PATHS,
  SOURCE_AUTH_HEADERS,
  intakeAcceptedSchema,
  intakeErrorBodySchema,
} from '../api/intake-api';
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
