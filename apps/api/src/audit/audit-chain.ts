import { createHash } from 'node:crypto';

/** The hash the first row chains from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly occurredAt: Date;
  readonly actorUserId: string;
  readonly actorRole: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash(n) = sha256(hash(n−1) ‖ canonical(entry n)): changing or removing any row breaks every later hash. */
export function chainHash(prevHash: string, entry: AuditEntry): string {
  const body = canonicalJson({ ...entry, occurredAt: entry.occurredAt.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
