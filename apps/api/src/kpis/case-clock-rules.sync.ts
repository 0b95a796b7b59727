import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { syncDomainTables, withTransaction } from '@fengqiao/db';
import { Database } from '../infra/database';

/**
 * How soon the cases projection follows a rule-set activation: the same 30 s the KPI tiles'
 * ActiveDeadlines takes. One indexed one-row query per instance and period.
 */
const CHECK_EVERY_MS = 30_000;

const VERSIONS = `SELECT (SELECT version FROM rule_sets WHERE status = 'active') AS active,
                         (SELECT rule_set_version FROM case_clock_rules WHERE clock = 'routing') AS synced`;

/**
 * Keeps case_clock_rules (what the cases projection stops clocks on) on the ACTIVE rule set's
 * deadlines, read through @fengqiao/domain: rewritten when the active version differs from the one
 * they were written from (decision 0010). The migrator writes them on every `up`.
 */
@Injectable()
export class CaseClockRulesSync implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('case-clock-rules');
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Database) {}

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.check().catch((err: unknown) => {
        this.logger.warn(`CASE_CLOCK_RULES_SYNC_FAILED: ${err instanceof Error ? err.message : 'unknown'}`);
      });
    };
    run();
    this.timer = setInterval(run, CHECK_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
  }

  /** Rewrites the table when the active version moved; true when it did. */
  async check(): Promise<boolean> {
    const row = (await this.db.pool.query<{ active: number | null; synced: number | null }>(VERSIONS))
      .rows[0];
    if (row === undefined || row.active === null || row.active === row.synced) return false;
    const wrote = await withTransaction(this.db.pool, (tx) => syncDomainTables(tx));
    if (wrote) this.logger.log(`case-clock-rules-synced version=${row.active}`);
    return wrote;
  }
}
