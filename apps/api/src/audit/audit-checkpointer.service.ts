import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { signCheckpoint } from './audit-checkpoint';
import { AuditCheckpointsRepository } from './audit-checkpoints.repository';
import { AuditRepository } from './audit.repository';

/**
 * Writes signed checkpoints of the audit chain (audit-checkpoint.ts) every
 * `tuning.api.auditCheckpointEveryMs` (rows newer than that are the only ones a cut could take
 * unseen), and at least every `auditCheckpointHeartbeatMs` even when nothing was audited, so a cut
 * that also removed the newest checkpoints shows as a stale anchor (verify-audit --max-age).
 */
@Injectable()
export class AuditCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('audit');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditRepository,
    private readonly checkpoints: AuditCheckpointsRepository,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.checkpoint().catch((err: unknown) =>
        this.logger.warn(`audit checkpoint not written: ${err instanceof Error ? err.message : String(err)}`),
      );
    }, this.config.tuning.api.auditCheckpointEveryMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Anchors the chain's head when it moved (or the heartbeat is due); true when one was written. */
  checkpoint(): Promise<boolean> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      await this.audit.lockChain(tx);
      const head = await this.checkpoints.head(tx);
      if (head === undefined) return false;
      const last = await this.checkpoints.latest(tx);
      const heartbeatMs = this.config.tuning.api.auditCheckpointHeartbeatMs;
      const fresh = last !== undefined && now.getTime() - last.signed_at.getTime() < heartbeatMs;
      if (last?.through_seq === head.seq && fresh) return false;
      const signed = signCheckpoint(this.config.api.auditSigningKey, {
        throughSeq: head.seq,
        chainHash: head.hash,
        signedAt: now,
      });
      await this.checkpoints.insert(tx, signed);
      return true;
    });
  }
}
