import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { ActiveVersionCache } from '@fengqiao/db';
import { defaultRoutingRules, type RoutingRule } from '@fengqiao/intake';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';
import { CONFIG } from '../infra/tokens';
import { ROUTING_TABLE_VERSIONS } from '../versioned/versioned-tables';
import { validRoutingTable } from './routing-table-validation';

/** The version this process routes with, and its rules (checked on load). */
export interface ActiveRoutingTable {
  readonly version: number;
  readonly rules: readonly RoutingRule[];
}

/**
 * The active routing table, cached in memory because every intake form re-asks for a suggestion on
 * each change of category or place. Seeds version 1 from the lib on an empty table, then loads; a
 * stored active table that does not validate stops the start (it could only come from hand-written
 * SQL or a contract that narrowed), while a bad one met by the poll is logged and the last good
 * one kept.
 */
@Injectable()
export class ActiveRoutingTableCache implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('routing');
  private readonly cache: ActiveVersionCache<RoutingRule[]>;

  constructor(
    private readonly db: Database,
    /**
     * config.tuning.api.routingPollMs: how stale another instance's activation may be here. An
     * activation in this process applies at once; 30 s is nothing for a change an administrator
     * makes by hand, and costs one indexed one-row query per instance (docs/decisions/0009).
     */
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {
    this.cache = new ActiveVersionCache<RoutingRule[]>(
      db.pool,
      ROUTING_TABLE_VERSIONS,
      validRoutingTable,
      (t) => this.logger.log(`routing-table-loaded version=${t.version} rules=${t.document.length}`),
    );
  }

  async onModuleInit(): Promise<void> {
    await ROUTING_TABLE_VERSIONS.ensureDefault(this.db.pool, {
      document: defaultRoutingRules(this.config.city.code),
      note: 'default routing table (libs/intake)',
    });
    await this.refresh();
  }

  onApplicationBootstrap(): void {
    this.cache.start(this.config.tuning.api.routingPollMs, (err) => {
      const issues = err instanceof ApiError ? (err.issues ?? []).map((i) => `${i.path}: ${i.message}`) : [];
      const message = err instanceof Error ? err.message : 'unknown';
      this.logger.warn(`ROUTING_TABLE_REFRESH_FAILED: ${[message, ...issues].join('; ')}`);
    });
  }

  onModuleDestroy(): void {
    this.cache.stop();
  }

  current(): ActiveRoutingTable {
    const active = this.cache.current();
    if (active === undefined) throw new ApiError('INTERNAL', 'no routing table loaded');
    return { version: active.version, rules: active.document };
  }

  /** Reads the active version; loads and checks its rules only when it changed (versions are immutable). */
  async refresh(): Promise<ActiveRoutingTable> {
    const loaded = await this.cache.refresh();
    if (loaded === undefined)
      throw new ApiError('INTERNAL', 'ROUTING_TABLE_MISSING: no active routing table');
    return { version: loaded.version, rules: loaded.document };
  }
}
