import { join } from 'node:path';
import {
  DEAD_LETTER_HEADERS,
  INTAKE_ERROR_CODES,
  INTAKE_HOOK_PATHS,
  INTAKE_PATHS,
  INTAKE_REJECT_CODES,
  LIVE_NAMESPACE,
  SOCKET_EVENTS,
  allTopicSpecs,
  asyncApiDocument,
  contractDocuments,
  type JsonValue,
} from '@fengqiao/contracts';
import { findRepoRoot } from '@fengqiao/config';
import { contractDrift } from './contract-files';

const docsDir = join(findRepoRoot(), 'docs', 'contracts');

/** Every local `$ref` in a document, with whether it resolves inside the document. */
function localRefs(doc: JsonValue, root: JsonValue = doc): { ref: string; resolves: boolean }[] {
  if (Array.isArray(doc)) return doc.flatMap((d) => localRefs(d, root));
  if (doc === null || typeof doc !== 'object') return [];
  const here = typeof doc.$ref === 'string' && doc.$ref.startsWith('#/') ? [doc.$ref] : [];
  const resolved = here.map((ref) => {
    let node: JsonValue | undefined = root;
    for (const part of ref.slice(2).split('/'))
      node = node !== null && typeof node === 'object' && !Array.isArray(node) ? node[part] : undefined;
    return { ref, resolves: node !== undefined };
  });
  return [...resolved, ...Object.values(doc).flatMap((d) => localRefs(d, root))];
}

describe('docs/contracts', () => {
  it('is up to date with the zod schemas (run `npm run contracts:generate` if not)', () => {
    expect(contractDrift(docsDir)).toEqual({ missing: [], changed: [], stale: [] });
  });

  it('publishes one JSON Schema per message, each pinning its versioned schema name', () => {
    const schemas = contractDocuments().filter((d) => d.path.startsWith('schemas/'));
    expect(schemas.map((d) => d.path)).toEqual(
      expect.arrayContaining(
        [
          'alert.changed.v1',
          'camera.analytics.v1',
          'camera.registered.v1',
          'camera.status.v1',
          'case.event.v1',
        ].map((n) => `schemas/${n}.schema.json`),
      ),
    );
    for (const d of schemas)
      expect(d.content).toContain('"$schema": "https://json-schema.org/draft/2020-12/schema"');
  });
});

describe('the AsyncAPI document', () => {
  const doc = asyncApiDocument({ version: '1.0.0', server: '127.0.0.1:19092', apiHost: '127.0.0.1:3000' });

  it('describes every topic the stack creates, inputs, outputs and dead letters', () => {
    const channels = Object.values(doc.channels as Record<string, { address: string }>).map((c) => c.address);
    for (const t of allTopicSpecs()) expect(channels).toContain(t.name);
    expect(channels).toContain('warning.alert.changed.v1');
    expect(channels.filter((c) => c.startsWith('dlq.'))).toHaveLength(allTopicSpecs().length / 2);
  });

  it('is AsyncAPI 3 with every local $ref resolving', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    const refs = localRefs(doc);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !r.resolves)).toEqual([]);
  });
});

describe('the Socket.IO /live protocol in the AsyncAPI document', () => {
  const doc = asyncApiDocument({ version: '1.0.0', server: '127.0.0.1:19092', apiHost: '127.0.0.1:3000' });
  const channels = doc.channels as Record<string, { address: string; messages: Record<string, unknown> }>;
  const messages = (doc.components as { messages: Record<string, { name: string; payload: JsonValue }> })
    .messages;

  it('has the /live channel with the handshake and every server event of the registry', () => {
    const live = Object.values(channels).find((c) => c.address === LIVE_NAMESPACE);
    const names = Object.keys(live?.messages ?? {}).map((id) => messages[id]?.name);
    expect(names).toEqual(['handshake', ...Object.values(SOCKET_EVENTS)]);
  });

  it('the handshake carries token and lastSeq', () => {
    expect(JSON.stringify(messages.LiveHandshake?.payload)).toMatch(/"token".*"lastSeq"/);
  });
});

describe('the dead-letter headers and the HTTP intake', () => {
  const doc = asyncApiDocument({ version: '1.0.0', server: '127.0.0.1:19092', apiHost: '127.0.0.1:3000' });

  it('names every dead-letter header the ingest writes, the code among the refusal codes', () => {
    const text = JSON.stringify(
      (doc.components as { messages: { DeadLetter: JsonValue } }).messages.DeadLetter,
    );
    for (const h of Object.values(DEAD_LETTER_HEADERS)) expect(text).toContain(`"${h.name}"`);
    for (const code of INTAKE_REJECT_CODES) expect(text).toContain(`"${code}"`);
  });

  it('documents each intake path with its request schema and every error code', () => {
    const intake = contractDocuments().find((d) => d.path === 'intake-openapi.json');
    const parsed = JSON.parse(intake?.content ?? '{}') as { paths: Record<string, unknown> };
    expect(Object.keys(parsed.paths)).toEqual([...INTAKE_PATHS, ...INTAKE_HOOK_PATHS].map((p) => p.path));
    for (const code of INTAKE_ERROR_CODES) expect(intake?.content).toContain(`"${code}"`);
    expect(intake?.content).toContain('"case.event.v1"');
  });
});
