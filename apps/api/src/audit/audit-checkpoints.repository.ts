import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';
import { type AuditCheckpoint } from './audit-checkpoint';

export interface CheckpointRow {
  readonly id: number;
  readonly through_seq: number;
  readonly chain_hash: string;
  readonly signed_at: Date;
  readonly key_id: string;
  readonly signature: string;
}

export function checkpointOf(r: CheckpointRow): AuditCheckpoint {
  return {
    throughSeq: r.through_seq,
    chainHash: r.chain_hash,
    signedAt: r.signed_at,
    keyId: r.key_id,
    signature: r.signature,
  };
}

/** `audit_checkpoints`: append-only, like the log it anchors. */
@Injectable()
export class AuditCheckpointsRepository {
  /** The chain's newest row (its seq and hash), read under the chain lock. */
  async head(tx: Queryable): Promise<{ seq: number; hash: string } | undefined> {
    const res = await tx.query<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    const row = res.rows[0];
    return row === undefined ? undefined : { seq: Number(row.seq), hash: row.hash };
  }

  async latest(db: Queryable): Promise<CheckpointRow | undefined> {
    return (await this.all(db, 'DESC LIMIT 1'))[0];
  }

  /** Every checkpoint in the order they cover the chain. */
  async list(db: Queryable): Promise<CheckpointRow[]> {
    return this.all(db, 'ASC');
  }

  async insert(tx: Queryable, c: AuditCheckpoint): Promise<void> {
    await tx.query(
      `INSERT INTO audit_checkpoints (through_seq, chain_hash, signed_at, key_id, signature)
       VALUES ($1, $2, $3, $4, $5)`,
      [c.throughSeq, c.chainHash, c.signedAt, c.keyId, c.signature],
    );
  }

  private async all(db: Queryable, order: 'ASC' | 'DESC LIMIT 1'): Promise<CheckpointRow[]> {
    const res = await db.query<
      Omit<CheckpointRow, 'id' | 'through_seq'> & { id: string; through_seq: string }
    >(
      `SELECT id, through_seq, chain_hash, signed_at, key_id, signature FROM audit_checkpoints
       ORDER BY through_seq ${order === 'ASC' ? 'ASC, id ASC' : 'DESC, id DESC LIMIT 1'}`,
    );
    return res.rows.map((r) => ({ ...r, id: Number(r.id), through_seq: Number(r.through_seq) }));
  }
}
