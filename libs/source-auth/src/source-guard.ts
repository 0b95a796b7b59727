import { type SourceRefusalCode } from '@fengqiao/contracts';
import { sameSecret, signatureMatches } from './signature';
import { type Source, type SourceRegistry } from './source-registry';

/** What the guard reads of a request: lower-case header names, the path without its query. */
export interface GuardRequest {
  readonly path: string;
  readonly header: (name: string) => string | undefined;
  /** `?key=` of a hook URL (key sources only: their hooks cannot send headers). */
  readonly queryKey: string | undefined;
  readonly body: Buffer;
}

export type GuardVerdict =
  | {
      readonly ok: true;
      readonly source: Source;
      readonly keyId: string;
      /** Set for a signed request: what `forget` takes when the request was not accepted after all. */
      readonly replayKey?: string;
    }
  | {
      readonly ok: false;
      readonly code: SourceRefusalCode;
      readonly status: 401 | 409;
      readonly reason: string;
      /** The claimed source, only when it exists (unknown ids are not echoed into metrics). */
      readonly sourceId?: string;
    };

export interface GuardOptions {
  /** A signed request is accepted while its timestamp is within this many seconds of now (both ways). */
  readonly windowS: number;
  /** Signatures remembered for replay detection; the oldest forgotten first beyond this. */
  readonly maxRemembered: number;
}

export const DEFAULT_GUARD_OPTIONS: GuardOptions = { windowS: 300, maxRemembered: 200_000 };

const refuse = (
  code: SourceRefusalCode,
  reason: string,
  sourceId?: string,
): Extract<GuardVerdict, { ok: false }> => ({
  ok: false,
  code,
  status: code === 'REPLAYED' ? 409 : 401,
  reason,
  ...(sourceId === undefined ? {} : { sourceId }),
});

/**
 * Authenticates an intake request against the registry: an HMAC source by its signature and a
 * timestamp inside the window (each signature accepted once), a key source by its key. Either of a
 * source's two keys is accepted, so a rotation needs no downtime. Scope (kinds, regions) is checked
 * after validation, when the event is known (`scopeRefusal`).
 */
export class SourceGuard {
  /** signature → expiry (ms); insertion order is expiry order, since the window is fixed. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly registry: () => SourceRegistry,
    private readonly now: () => number,
    private readonly options: GuardOptions = DEFAULT_GUARD_OPTIONS,
  ) {}

  check(req: GuardRequest): GuardVerdict {
    const sourceId = req.header('x-fq-source');
    if (sourceId === undefined || sourceId === '')
      return refuse('UNSIGNED', 'no X-FQ-Source header: every intake request names its source');
    const source = this.registry().sources.get(sourceId);
    if (source === undefined) return refuse('UNKNOWN_SOURCE', 'the named source is not registered');
    return source.auth === 'key' ? this.checkKey(source, req) : this.checkSignature(source, req);
  }

  private checkKey(source: Source, req: GuardRequest): GuardVerdict {
    const given = req.header('x-fq-key') ?? req.queryKey;
    if (given === undefined || given === '')
      return refuse('UNSIGNED', 'a key source sends its key (X-FQ-Key header or ?key=)', source.id);
    const key = source.keys.find((k) => sameSecret(given, k.secret));
    if (key === undefined)
      return refuse('BAD_SIGNATURE', 'the key matches none of the source’s keys', source.id);
    return { ok: true, source, keyId: key.id };
  }

  private checkSignature(source: Source, req: GuardRequest): GuardVerdict {
    const timestamp = req.header('x-fq-timestamp');
    const signature = req.header('x-fq-signature');
    if (timestamp === undefined || signature === undefined)
      return refuse('UNSIGNED', 'an HMAC source sends X-FQ-Timestamp and X-FQ-Signature', source.id);
    if (!/^\d{1,12}$/.test(timestamp))
      return refuse('STALE_TIMESTAMP', 'X-FQ-Timestamp must be unix seconds', source.id);
    const skewS = Math.abs(this.now() / 1000 - Number(timestamp));
    if (skewS > this.options.windowS)
      return refuse(
        'STALE_TIMESTAMP',
        `timestamp ${Math.round(skewS)} s away from the server's clock (window ±${this.options.windowS} s)`,
        source.id,
      );
    const key = source.keys.find((k) => signatureMatches(signature, k.secret, timestamp, req.path, req.body));
    if (key === undefined)
      return refuse(
        'BAD_SIGNATURE',
        'the signature matches none of the source’s keys (v1=hex HMAC-SHA256)',
        source.id,
      );
    const replayKey = `${source.id}:${signature}`;
    if (!this.remember(replayKey, Number(timestamp)))
      return refuse('REPLAYED', 'this signed request was already accepted', source.id);
    return { ok: true, source, keyId: key.id, replayKey };
  }

  /**
   * Forgets an authenticated request that was not accepted (refused by the validator or its scope,
   * or Kafka away): its sender may send the same signed request again, e.g. after a 503.
   */
  forget(verdict: Extract<GuardVerdict, { ok: true }>): void {
    if (verdict.replayKey !== undefined) this.seen.delete(verdict.replayKey);
  }

  /** False when the signature is already remembered (a replay); forgets expired ones as it goes. */
  private remember(replayKey: string, timestampS: number): boolean {
    const now = this.now();
    for (const [k, expiry] of this.seen) {
      if (expiry > now && this.seen.size < this.options.maxRemembered) break;
      this.seen.delete(k);
    }
    if (this.seen.has(replayKey)) return false;
    // Past the window's far edge the timestamp check refuses it anyway.
    this.seen.set(replayKey, Math.max(now, timestampS * 1000) + this.options.windowS * 1000);
    return true;
  }
}
