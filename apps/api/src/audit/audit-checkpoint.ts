import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed checkpoint of the audit chain: "through row `throughSeq` the chain's hash was
 * `chainHash`", signed with HMAC-SHA-256 under a key the database never holds
 * (FQ_AUDIT_SIGNING_KEY). The chain's plain SHA-256 can be recomputed by anyone who may write the
 * table; a checkpoint cannot be, so rewriting any covered row, or cutting rows a checkpoint covers,
 * no longer goes unnoticed (issue 17 #7).
 */
export interface AuditCheckpoint {
  readonly throughSeq: number;
  readonly chainHash: string;
  readonly signedAt: Date;
  readonly keyId: string;
  readonly signature: string;
}

/** Names the key without revealing it, so a rotation shows which key signed what. */
export function keyIdOf(key: string): string {
  return createHash('sha256').update(`fengqiao-audit-key\n${key}`).digest('hex').slice(0, 12);
}

function payload(c: Omit<AuditCheckpoint, 'signature'>): string {
  return ['fengqiao-audit-checkpoint-v1', c.throughSeq, c.chainHash, c.signedAt.toISOString(), c.keyId].join(
    '\n',
  );
}

export function signCheckpoint(
  key: string,
  at: { throughSeq: number; chainHash: string; signedAt: Date },
): AuditCheckpoint {
  const unsigned = { ...at, keyId: keyIdOf(key) };
  return { ...unsigned, signature: createHmac('sha256', key).update(payload(unsigned)).digest('hex') };
}

/** Constant-time check of a stored checkpoint against the key. */
export function checkpointSignatureValid(key: string, c: AuditCheckpoint): boolean {
  const expected = Buffer.from(createHmac('sha256', key).update(payload(c)).digest('hex'));
  const given = Buffer.from(c.signature);
  return c.keyId === keyIdOf(key) && given.length === expected.length && timingSafeEqual(given, expected);
}
