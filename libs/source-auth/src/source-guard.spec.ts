import { SOURCE_REFUSAL_CODES } from '@fengqiao/contracts';
import { signRequest, signedHeaders } from './signature';
import { SourceGuard, type GuardRequest } from './source-guard';
import { parseSourceRegistry, type SourceRegistry } from './source-registry';

const K1 = 'k1-secret-0123456789abcdef0123456789';
const K2 = 'k2-secret-0123456789abcdef0123456789';
const HOOK_KEY = 'hook-secret-0123456789abcdef0123456789';
const PATH = '/v1/intake/camera-events';
const BODY = Buffer.from('{"schema":"camera.status.v1"}');
const NOW = 1_796_000_000_000;

const registry = (keys: { id: string; secret: string }[]): SourceRegistry =>
  parseSourceRegistry(
    JSON.stringify({
      sources: [
        { id: 'county-a', keys, kinds: ['camera.status'], regions: ['511902'] },
        {
          id: 'zlm-1',
          auth: 'key',
          keys: [{ id: 'h1', secret: HOOK_KEY }],
          kinds: ['camera.status'],
          regions: ['*'],
        },
      ],
    }),
    'test',
    false,
  );

function request(headers: Record<string, string>, body = BODY, path = PATH, queryKey?: string): GuardRequest {
  return { path, header: (n) => headers[n], queryKey, body };
}

describe('the source guard', () => {
  let now = NOW;
  let current = registry([{ id: 'k1', secret: K1 }]);
  let guard = new SourceGuard(
    () => current,
    () => now,
  );
  beforeEach(() => {
    now = NOW;
    current = registry([{ id: 'k1', secret: K1 }]);
    guard = new SourceGuard(
      () => current,
      () => now,
    );
  });
  const signed = (secret = K1, at = now, body = BODY, path = PATH) =>
    signedHeaders({ id: 'county-a', secret }, path, body, at);

  it('accepts a request signed with the source key and names the key', () => {
    const v = guard.check(request(signed()));
    expect(v).toMatchObject({ ok: true, keyId: 'k1' });
    expect(v.ok && v.source.id).toBe('county-a');
  });

  it.each([
    ['no source header', {}, 'UNSIGNED', 401],
    ['a source without signature headers', { 'x-fq-source': 'county-a' }, 'UNSIGNED', 401],
    [
      'an unknown source',
      { 'x-fq-source': 'nobody', 'x-fq-timestamp': '1', 'x-fq-signature': 'v1=00' },
      'UNKNOWN_SOURCE',
      401,
    ],
    [
      'a timestamp that is not unix seconds',
      { 'x-fq-source': 'county-a', 'x-fq-timestamp': '2026-12-06', 'x-fq-signature': 'v1=00' },
      'STALE_TIMESTAMP',
      401,
    ],
  ])('refuses %s', (_what, headers, code, status) => {
    expect(guard.check(request(headers))).toMatchObject({ ok: false, code, status });
  });

  it('refuses a wrong key, a changed body and a signature for another path as BAD_SIGNATURE', () => {
    expect(guard.check(request(signed('wrong-secret-0123456789abcdef012345')))).toMatchObject({
      code: 'BAD_SIGNATURE',
    });
    expect(guard.check(request(signed(), Buffer.from('{"schema":"camera.status.v2"}')))).toMatchObject({
      code: 'BAD_SIGNATURE',
    });
    expect(guard.check(request(signed(K1, now, BODY, '/v1/intake/case-events')))).toMatchObject({
      code: 'BAD_SIGNATURE',
    });
  });

  it('refuses a timestamp outside ±300 s and accepts one at the edge', () => {
    expect(guard.check(request(signed(K1, now - 301_000)))).toMatchObject({ code: 'STALE_TIMESTAMP' });
    expect(guard.check(request(signed(K1, now + 301_000)))).toMatchObject({ code: 'STALE_TIMESTAMP' });
    expect(guard.check(request(signed(K1, now - 299_000)))).toMatchObject({ ok: true });
  });

  it('refuses the same signed request a second time (409), and again after a minute', () => {
    const headers = signed();
    expect(guard.check(request(headers))).toMatchObject({ ok: true });
    expect(guard.check(request(headers))).toMatchObject({ ok: false, code: 'REPLAYED', status: 409 });
    now += 60_000;
    expect(guard.check(request(headers))).toMatchObject({ code: 'REPLAYED' });
    now += 300_000;
    expect(guard.check(request(headers))).toMatchObject({ code: 'STALE_TIMESTAMP' });
  });

  it('takes back a request that was not accepted after all, so a retry is no replay', () => {
    const headers = signed();
    const first = guard.check(request(headers));
    if (!first.ok) throw new Error('accepted');
    guard.forget(first);
    expect(guard.check(request(headers))).toMatchObject({ ok: true });
  });

  it('rotates without downtime: old and new key both valid while two are listed, then only the new', () => {
    current = registry([
      { id: 'k1', secret: K1 },
      { id: 'k2', secret: K2 },
    ]);
    expect(guard.check(request(signed(K1)))).toMatchObject({ ok: true, keyId: 'k1' });
    now += 1000;
    expect(guard.check(request(signed(K2)))).toMatchObject({ ok: true, keyId: 'k2' });
    current = registry([{ id: 'k2', secret: K2 }]);
    now += 1000;
    expect(guard.check(request(signed(K1)))).toMatchObject({ code: 'BAD_SIGNATURE' });
    expect(guard.check(request(signed(K2)))).toMatchObject({ ok: true, keyId: 'k2' });
  });

  it('takes a key source by its key in a header or the hook URL, nothing else', () => {
    expect(guard.check(request({ 'x-fq-source': 'zlm-1', 'x-fq-key': HOOK_KEY }))).toMatchObject({
      ok: true,
    });
    expect(guard.check(request({ 'x-fq-source': 'zlm-1' }, BODY, PATH, HOOK_KEY))).toMatchObject({
      ok: true,
    });
    expect(guard.check(request({ 'x-fq-source': 'zlm-1' }))).toMatchObject({ code: 'UNSIGNED' });
    expect(guard.check(request({ 'x-fq-source': 'zlm-1', 'x-fq-key': `${HOOK_KEY}x` }))).toMatchObject({
      code: 'BAD_SIGNATURE',
    });
  });

  it('answers only with published codes', () => {
    const codes = [
      guard.check(request({})),
      guard.check(request({ 'x-fq-source': 'nobody' })),
      guard.check(request(signed('x'.repeat(40)))),
    ].map((v) => (v.ok ? 'ok' : v.code));
    for (const c of codes) expect(SOURCE_REFUSAL_CODES).toContain(c);
  });
});

describe('the signature format', () => {
  it('is HMAC-SHA256 over "<timestamp>.<path>.<body>" as v1=<hex> (the docs’ worked example)', () => {
    // echo -n '1796000000./v1/intake/camera-events.{"a":1}' | openssl dgst -sha256 -hmac 'example-key-0123456789abcdef0123456789'
    expect(
      signRequest('example-key-0123456789abcdef0123456789', '1796000000', PATH, Buffer.from('{"a":1}')),
    ).toBe(`v1=${EXAMPLE_HEX}`);
  });
});

// Computed with openssl (the command above), not with this code.
const EXAMPLE_HEX = 'a3d4b0a7f26f66677cc5f53c5562f17b855b0d1fc014e5612420039858624166';
