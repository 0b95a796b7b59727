import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { DEFAULT_ROUTING_RULES, type RoutingRule } from '@fengqiao/intake';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';
import { CONFIG } from '../infra/tokens';
import { RoutingTablesRepository } from './routing-tables.repository';
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
  private active: ActiveRoutingTable | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  // Loads run one after another, so a slow poll cannot overwrite a newer activation's table.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly repo: RoutingTablesRepository,
    /**
     * config.tuning.api.routingPollMs: how stale another instance's activation may be here. An
     * activation in this process applies at once; 30 s is nothing for a change an administrator
     * makes by hand, and costs one indexed one-row query per instance (docs/decisions/0009).
     */
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.repo.ensureDefault(this.db.pool, DEFAULT_ROUTING_RULES);
    await this.refresh();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.poll(), this.config.tuning.api.routingPollMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  current(): ActiveRoutingTable {
    if (this.active === undefined) throw new ApiError('INTERNAL', 'no routing table loaded');
    return this.active;
  }

  /** Reads the active version; loads and checks its rules only when it changed (versions are immutable). */
  refresh(): Promise<ActiveRoutingTable> {
    const next = this.queue.then(
      () => this.load(),
      () => this.load(),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<ActiveRoutingTable> {
    const version = await this.repo.activeVersion(this.db.pool);
    if (version === undefined)
      throw new ApiError('INTERNAL', 'ROUTING_TABLE_MISSING: no active routing table');
    if (this.active?.version === version) return this.active;
    const row = await this.repo.find(this.db.pool, version);
    if (row === undefined) throw new ApiError('INTERNAL', `ROUTING_TABLE_MISSING: version ${version}`);
    const loaded: ActiveRoutingTable = { version, rules: validRoutingTable(row.rules) };
    this.active = loaded;
    this.logger.log(`routing-table-loaded version=${version} rules=${loaded.rules.length}`);
    return loaded;
  }

  private async poll(): Promise<void> {
    // A slow database delays a poll; it never stacks them.
    if (this.polling) return;
    this.polling = true;
    try {
      await this.refresh();
    } catch (err: unknown) {
      const issues = err instanceof ApiError ? (err.issues ?? []).map((i) => `${i.path}: ${i.message}`) : [];
      const message = err instanceof Error ? err.message : 'unknown';
      this.logger.warn(`ROUTING_TABLE_REFRESH_FAILED: ${[message, ...issues].join('; ')}`);
    } finally {
      this.polling = false;
    }
  }
}
