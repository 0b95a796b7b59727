import { checkpointSignatureValid, keyIdOf, signCheckpoint } from './audit-checkpoint';

const KEY = 'k'.repeat(40);
const at = { throughSeq: 42, chainHash: 'a'.repeat(64), signedAt: new Date('2026-12-06T12:00:00.000Z') };

describe('signed audit checkpoints', () => {
  it('verifies under the key that signed it', () => {
    const c = signCheckpoint(KEY, at);
    expect(c.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(c.keyId).toBe(keyIdOf(KEY));
    expect(checkpointSignatureValid(KEY, c)).toBe(true);
  });

  it.each([
    ['another seq', { throughSeq: 41 }],
    ['another chain hash', { chainHash: 'b'.repeat(64) }],
    ['another time', { signedAt: new Date('2026-12-06T12:00:01.000Z') }],
    ['a forged signature', { signature: '0'.repeat(64) }],
  ])('fails with %s', (_t, change) => {
    expect(checkpointSignatureValid(KEY, { ...signCheckpoint(KEY, at), ...change })).toBe(false);
  });

  it('fails under another key (the database cannot mint checkpoints)', () => {
    expect(checkpointSignatureValid('x'.repeat(40), signCheckpoint(KEY, at))).toBe(false);
  });
});
