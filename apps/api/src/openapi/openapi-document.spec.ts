import { ROUTES } from '../routes/route-table';
import { buildOpenApiDocument } from './openapi-document';

interface Operation {
  operationId: string;
  security: unknown[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
}

describe('the OpenAPI document, generated from the route table', () => {
  const doc = buildOpenApiDocument('test') as {
    openapi: string;
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));

  it('has one operation per route, under /api, with {params}', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(operations.map((o) => o.operationId).sort()).toEqual(Object.keys(ROUTES).sort());
    expect(doc.paths['/api/alerts/{alertId}/acknowledge']?.post?.parameters).toEqual([
      expect.objectContaining({ name: 'alertId', in: 'path', required: true }),
    ]);
  });

  it('describes bodies and queries from the zod schemas, and security per access', () => {
    const ack = doc.paths['/api/alerts/{alertId}/acknowledge']?.post;
    expect(Object.keys(ack?.requestBody?.content['application/json']?.schema.properties ?? {})).toEqual([
      'version',
      'note',
    ]);
    const list = doc.paths['/api/alerts']?.get;
    expect(list?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['colour', 'state', 'region', 'from', 'to', 'cursor']),
    );
    expect(list?.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
  });

  it('documents the Idempotency-Key header on the routes that take it, and only there', () => {
    const withKey = operations.filter((o) => o.parameters.some((p) => p.name === 'Idempotency-Key'));
    expect(withKey.map((o) => o.operationId)).toEqual(['cases.intake']);
    expect(doc.paths['/api/cases']?.post?.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
  });

  it('declares one success status per operation: the handler’s when known, else the table’s', () => {
    const statusesOf = (d: unknown, path: string, method: string): string[] =>
      Object.keys(
        (d as { paths: Record<string, Record<string, { responses: object }>> }).paths[path]?.[method]
          ?.responses ?? {},
      );
    expect(statusesOf(doc, '/api/auth/logout', 'post')).toEqual(['204', '4XX', '5XX']);
    expect(statusesOf(doc, '/api/alerts', 'get')).toEqual(['200', '4XX', '5XX']);
    const real = buildOpenApiDocument('test', new Map([['video.play', 201]]));
    expect(statusesOf(real, '/api/video/cameras/{cameraId}/play', 'post')).toEqual(['201', '4XX', '5XX']);
  });
});
