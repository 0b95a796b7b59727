import { canonicalJson, chainHash, GENESIS_HASH } from './audit-chain';

const entry = {
  occurredAt: new Date('2026-11-27T03:00:00.000Z'),
  actorUserId: 'u1',
  actorRole: 'duty-officer',
  action: 'alert.acknowledged',
  targetType: 'alert',
  targetId: 'a1',
  detail: { b: 1, a: { d: [1, 2], c: 'x' } },
};

describe('the audit hash chain', () => {
  it('canonicalises key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
  });

  it('is deterministic and changes with any field or with the previous hash', () => {
    const h = chainHash(GENESIS_HASH, entry);
    expect(chainHash(GENESIS_HASH, { ...entry, detail: { a: { c: 'x', d: [1, 2] }, b: 1 } })).toBe(h);
    expect(chainHash(GENESIS_HASH, { ...entry, actorUserId: 'u2' })).not.toBe(h);
    expect(chainHash(h, entry)).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});
