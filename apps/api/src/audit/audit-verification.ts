import { type AuditCheckpoint, checkpointSignatureValid } from './audit-checkpoint';

/** A checkpoint the log no longer matches, named so an operator can find it. */
export interface BrokenCheckpoint {
  readonly id: number;
  readonly throughSeq: number;
  readonly reason: string;
}

export interface StoredCheckpoint extends AuditCheckpoint {
  readonly id: number;
}

/**
 * Checks a walk over the chain against the signed checkpoints, row by row, without holding the
 * chain in memory: `visit` each row in seq order, then `finish` with the last seq seen.
 */
export class CheckpointMatcher {
  private next = 0;
  broken: BrokenCheckpoint | null = null;

  constructor(
    private readonly key: string,
    private readonly checkpoints: readonly StoredCheckpoint[],
  ) {
    const forged = checkpoints.find((c) => !checkpointSignatureValid(key, c));
    if (forged !== undefined)
      this.broken = {
        id: forged.id,
        throughSeq: forged.throughSeq,
        reason: 'its signature does not verify under FQ_AUDIT_SIGNING_KEY (forged, or another key)',
      };
  }

  visit(seq: number, hash: string): void {
    for (let c = this.checkpoints[this.next]; c !== undefined; c = this.checkpoints[++this.next]) {
      if (c.throughSeq > seq) return;
      if (c.throughSeq < seq) this.fail(c, `row ${c.throughSeq} is missing: rows were deleted`);
      else if (c.chainHash !== hash)
        this.fail(c, `the chain hash through seq ${seq} differs: rows were rewritten`);
    }
  }

  finish(lastSeq: number): void {
    const c = this.checkpoints[this.next];
    if (c !== undefined) this.fail(c, `row ${c.throughSeq} is missing: the log was cut after seq ${lastSeq}`);
  }

  /** Rows after the newest checkpoint: not yet anchored. */
  unanchored(lastSeq: number): number {
    const newest = this.checkpoints.at(-1)?.throughSeq ?? 0;
    return Math.max(0, lastSeq - newest);
  }

  private fail(c: StoredCheckpoint, reason: string): void {
    this.broken ??= { id: c.id, throughSeq: c.throughSeq, reason };
  }
}
