import { z } from 'zod';
import { apiErrorBodySchema } from '@fengqiao/contracts';
import { ROUTES, type RouteId, type RouteSpec } from '../routes/route-table';

type JsonSchema = Record<string, unknown>;

/** The request side of a schema (what a client sends), transforms shown by their input type. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parametersOf(spec: RouteSpec): JsonSchema[] {
  const list = (schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] => {
    if (schema === undefined) return [];
    const s = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
      name,
      in: where,
      required: where === 'path' || (s.required ?? []).includes(name),
      schema: prop,
    }));
  };
  const key: JsonSchema[] =
    spec.idempotencyKey === undefined
      ? []
      : [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'A retry with the same key and body answers the first result; the same key with another body answers 409 IDEMPOTENCY_KEY_REUSED',
            schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' },
          },
        ];
  return [...list(spec.params, 'path'), ...list(spec.query, 'query'), ...key];
}

/** Without the mounted handlers (unit tests), what the table implies: 204 for a POST without a body. */
function defaultStatusOf(spec: RouteSpec): number {
  return spec.method === 'POST' && spec.response === undefined ? 204 : 200;
}

function successOf(spec: RouteSpec, status: number): JsonSchema {
  if (status === 204) return { description: 'no content' };
  if (spec.produces !== undefined) {
    return { description: 'ok', content: { [spec.produces]: { schema: { type: 'string' } } } };
  }
  if (spec.response === undefined) return { description: 'ok' };
  return {
    description: 'ok',
    content: { 'application/json': { schema: schemaOf(spec.response, 'output') } },
  };
}

function responsesOf(spec: RouteSpec, status: number): JsonSchema {
  const error = {
    description: 'error',
    content: { 'application/json': { schema: schemaOf(apiErrorBodySchema, 'output') } },
  };
  return { [String(status)]: successOf(spec, status), '4XX': error, '5XX': error };
}

function operationOf(id: RouteId, spec: RouteSpec, status: number): JsonSchema {
  return {
    operationId: id,
    summary: spec.summary,
    tags: [id.split('.')[0]],
    security: spec.access === 'public' ? [] : [{ bearer: [] }],
    'x-roles': spec.access,
    parameters: parametersOf(spec),
    ...(spec.body === undefined
      ? {}
      : {
          requestBody: {
            // ZodPipe reads a missing body as {}: a body the empty object satisfies (every field
            // optional, e.g. an activation's note) may be left out, and the document says so.
            required: !spec.body.safeParse({}).success,
            content: { 'application/json': { schema: schemaOf(spec.body, 'input') } },
          },
        }),
    responses: responsesOf(spec, status),
  };
}

/**
 * OpenAPI 3.1 generated from the route table and the contracts' zod schemas: never written by hand.
 * `statuses`: the success status each handler really answers (RouteStatuses), where known.
 */
export function buildOpenApiDocument(
  version: string,
  statuses: ReadonlyMap<RouteId, number> = new Map(),
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [id, spec] of Object.entries(ROUTES) as [RouteId, RouteSpec][]) {
    const path = `/api/${spec.path}`.replace(/:(\w+)/g, '{$1}');
    paths[path] = {
      ...paths[path],
      [spec.method.toLowerCase()]: operationOf(id, spec, statuses.get(id) ?? defaultStatusOf(spec)),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Fengqiao command API', version, description: 'Roles per operation in x-roles.' },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
