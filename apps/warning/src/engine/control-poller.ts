import { silenceSchema, type RuleSetInput, type Silence } from '@fengqiao/contracts';
import { ActiveVersionInvalidError, type ActiveVersionCache, type DbPool } from '@fengqiao/db';
import { type Clock } from '../clock.port';
import { type ControlRepository } from '../persistence/control.repository';
import { type WarningService } from './warning.service';

/** What the poller reports: a version that failed to load is logged and skipped, never half-applied. */
export type ControlEvent =
  | { readonly kind: 'rule-set-activated'; readonly version: number }
  | { readonly kind: 'rule-set-invalid'; readonly version: number; readonly error: string }
  | { readonly kind: 'silences-changed'; readonly count: number };

/**
 * Polls the rule_sets and silences tables (docs/decisions/0008: the table is the truth and commits
 * with the audit row; a control message could be lost or arrive before the commit) and swaps the
 * engine's rule set or silences between two inputs when they change. The active rule set is followed
 * through libs/db `activeRuleSetCache`, the one mechanism every process uses; it is refreshed on each
 * of the engine's ticks (config.tuning.warning.tickMs).
 */
export class ControlPoller {
  private version: number | undefined;
  private silenceKey = '[]';

  constructor(
    private readonly pool: DbPool,
    private readonly ruleSets: Pick<ActiveVersionCache<RuleSetInput>, 'refresh'>,
    private readonly control: ControlRepository,
    private readonly service: WarningService,
    private readonly clock: Clock,
    private readonly report: (e: ControlEvent) => void,
  ) {}

  get activeVersion(): number | undefined {
    return this.version;
  }

  async refresh(): Promise<void> {
    await this.refreshRuleSet();
    await this.refreshSilences();
  }

  private async refreshRuleSet(): Promise<void> {
    let loaded;
    try {
      loaded = await this.ruleSets.refresh();
    } catch (err) {
      // A body the schema refuses is reported once (the cache skips that version afterwards).
      if (!(err instanceof ActiveVersionInvalidError)) throw err;
      this.report({ kind: 'rule-set-invalid', version: err.version, error: err.message.slice(0, 300) });
      return;
    }
    if (loaded === undefined || loaded.version === this.version) return;
    const { version, document } = loaded;
    this.version = version;
    try {
      await this.service.activate(document);
      this.report({ kind: 'rule-set-activated', version });
    } catch (err) {
      const error = err instanceof Error ? err.message.slice(0, 300) : String(err);
      this.report({ kind: 'rule-set-invalid', version, error });
    }
  }

  private async refreshSilences(): Promise<void> {
    const rows = await this.control.liveSilences(this.pool, new Date(this.clock.now()));
    const silences = rows.flatMap((s): Silence[] => {
      const parsed = silenceSchema.safeParse(s);
      return parsed.success ? [parsed.data] : [];
    });
    const key = JSON.stringify(silences);
    if (key === this.silenceKey) return;
    this.silenceKey = key;
    await this.service.setSilences(silences);
    this.report({ kind: 'silences-changed', count: silences.length });
  }
}
