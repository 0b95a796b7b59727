import {
  type AlertChanged,
  type CameraRegistered,
  type Hotspot,
  type RuleSetInput,
  type Silence,
} from '@fengqiao/contracts';
import { type AlertOutboxRelay, type AlertStore, type DbPool, toAlert } from '@fengqiao/db';
import {
  buildCameraDirectory,
  compileRuleSet,
  createEngineContext,
  createEngineState,
  step,
  topHotspots,
  type CameraSite,
  type CompiledRuleSet,
  type Decision,
  type EngineContext,
  type EngineInput,
  type EngineState,
  type BaselineSeries,
} from '@fengqiao/rules';
import { type Clock } from '../clock.port';
import { type CamerasRepository } from '../persistence/cameras.repository';
import { type HistoryRepository } from '../persistence/history.repository';
import { type AlertRecorder } from './alert-recorder';
import { loadBaseline, rememberDarkCameras, replayStored } from './rebuild';

/** Enough for any county's top 10 among ~120 townships; the table stays small. */
const HOTSPOT_TOWNSHIPS = 60;
const HOTSPOT_COUNTIES = 5;

export interface WarningDeps {
  readonly pool: DbPool;
  readonly alerts: AlertStore;
  readonly cameras: CamerasRepository;
  readonly history: HistoryRepository;
  readonly recorder: AlertRecorder;
  readonly relay: AlertOutboxRelay;
}

/** Counters for health and tests. */
export interface WarningStats {
  inputs: number;
  cameras: number;
  recorded: number;
  duplicates: number;
  conflicts: number;
  suppressed: number;
  /** Times the state was rebuilt from the database (start, takeover, after a failed write). */
  rebuilds: number;
}

/**
 * Feeds the engine one input at a time (strictly serial: the state is not shared) and records every
 * decision in the database; each change is its own outbox row, which the relay publishes after the
 * commit, so a Kafka failure delays a publication but never loses it. Offsets are committed by the
 * consumer only after this resolves, so a crash replays inputs; replays are absorbed by the
 * engine's dedup (windows and anomalies count an event id once) and by the database's (alert id,
 * version) key.
 *
 * The state in memory is only trusted while every decision it made is durable: when a write fails
 * (or the instance loses its leadership) the state is marked stale and the next input first
 * rebuilds it from the database, so the redelivered batch is judged again against what was
 * committed, never against what the engine decided but could not store (issue 17, fault 4).
 */
export class WarningService {
  private ctx: EngineContext | undefined;
  private state: EngineState = createEngineState();
  private readonly sites = new Map<string, CameraSite>();
  private baseline: BaselineSeries[] = [];
  private silences: readonly Silence[] = [];
  /** Set when a decision may not be durable: the next input rebuilds the state first. */
  private stale = true;
  private rules: CompiledRuleSet;
  private queue: Promise<unknown> = Promise.resolve();
  readonly stats: WarningStats = {
    inputs: 0,
    cameras: 0,
    recorded: 0,
    duplicates: 0,
    conflicts: 0,
    suppressed: 0,
    rebuilds: 0,
  };

  constructor(
    ruleSet: RuleSetInput,
    private readonly deps: WarningDeps,
    private readonly clock: Clock,
  ) {
    this.rules = compileRuleSet(ruleSet);
  }

  /**
   * Start-up (and taking over as leader): the directory from the cameras table, 90-day baselines
   * from the hourly rollup, then the engine state (see rebuildState).
   */
  rebuild(): Promise<void> {
    return this.serial(async () => {
      const { pool, cameras } = this.deps;
      for (const s of await cameras.allSites(pool)) this.sites.set(s.cameraId, s);
      this.baseline = await loadBaseline(
        this.deps,
        this.clock.now(),
        this.rules.spec.calendar.utcOffsetMinutes,
      );
      this.refreshContext();
      await this.rebuildState();
    });
  }

  /**
   * Forgets the state in memory (a write failed, leadership was lost): the next input or tick
   * rebuilds it from the database before it is judged.
   */
  invalidate(): void {
    this.stale = true;
  }

  /** One consumed batch: registry entries refresh the directory, the rest go through the engine. */
  handle(registered: readonly CameraRegistered[], inputs: readonly EngineInput[]): Promise<void> {
    return this.serial(async () => {
      if (registered.length > 0) {
        for (const site of buildSites(registered)) this.sites.set(site.cameraId, site);
        this.refreshContext();
      }
      await this.apply(inputs);
    });
  }

  tick(): Promise<void> {
    return this.serial(() => this.apply([{ kind: 'tick' }]));
  }

  /** A new rule-set version, swapped atomically between two inputs; the window state is kept. */
  activate(ruleSet: RuleSetInput): Promise<void> {
    return this.serial(() => {
      this.rules = compileRuleSet(ruleSet);
      this.refreshContext();
      return Promise.resolve();
    });
  }

  /** The silences in force from the next input on (a silenced alert is recorded, not notified). */
  setSilences(silences: readonly Silence[]): Promise<void> {
    return this.serial(() => {
      this.silences = silences;
      this.refreshContext();
      return Promise.resolve();
    });
  }

  /**
   * The engine's current top hotspots: townships (the wall's list) and counties (scope summaries).
   * Serial, so a ranking never mixes two inputs.
   */
  currentHotspots(): Promise<{ ruleSetVersion: number; list: Hotspot[] }> {
    return this.serial(() => {
      const now = this.clock.now();
      const ctx = this.context();
      const list = [
        ...topHotspots(ctx, this.state, now, { level: 'county', topN: HOTSPOT_COUNTIES }),
        ...topHotspots(ctx, this.state, now, { level: 'township', topN: HOTSPOT_TOWNSHIPS }),
      ];
      return Promise.resolve({ ruleSetVersion: this.ruleSetVersion, list });
    });
  }

  /** The version of the rule set the engine runs. */
  get ruleSetVersion(): number {
    return this.rules.spec.version;
  }

  /**
   * The engine state from what is durable: the alerts the database holds, then the stored events
   * replayed without deciding (windows, anomalies, deadlines, dark cameras). Every event Kafka
   * delivers after this is judged, even one already replayed here: the ingest may have stored it
   * before this group committed its offset, i.e. before its alert changes were durable (issue 17,
   * fault 1); windows and anomalies count an event id once, so judging it again counts nothing twice.
   */
  private async rebuildState(): Promise<void> {
    const { pool, alerts } = this.deps;
    this.state = createEngineState();
    this.stale = true;
    const now = this.clock.now();
    for (const row of await alerts.findActive(pool, new Date(now - this.rules.spec.reopenWithinMs)))
      this.adopt(toAlert(row));
    await replayStored(this.deps, this.context(), this.state, now);
    await rememberDarkCameras(this.deps, this.context(), this.state);
    this.stale = false;
    this.stats.rebuilds++;
  }

  private async apply(inputs: readonly EngineInput[]): Promise<void> {
    if (this.stale) await this.rebuildState();
    const ctx = this.context();
    let recorded = 0;
    try {
      for (const input of inputs) {
        this.stats.inputs++;
        const { decisions } = step(ctx, this.state, input, this.clock.now());
        for (const d of decisions) if (await this.record(d)) recorded++;
      }
    } catch (err) {
      // The state holds decisions that may not be stored: never judge against it again. The batch
      // fails, its offset stays uncommitted, Kafka redelivers it to a rebuilt state.
      this.stale = true;
      throw err;
    } finally {
      if (recorded > 0) this.deps.relay.kick();
    }
  }

  /** True when a change was stored (and so waits in the outbox). */
  private async record(d: Decision): Promise<boolean> {
    if (d.type === 'suppressed' || d.type === 'refused') {
      if (d.type === 'suppressed') this.stats.suppressed++;
      return false;
    }
    const outcome = await this.deps.recorder.record(d);
    switch (outcome.kind) {
      case 'recorded':
        this.stats.recorded++;
        return true;
      case 'duplicate':
        this.stats.duplicates++;
        return false;
      case 'conflict':
        this.stats.conflicts++;
        if (outcome.current !== undefined) this.adopt(outcome.current);
        return false;
    }
  }

  private adopt(alert: AlertChanged['alert']): void {
    const change = {
      schema: 'alert.changed.v1',
      eventId: alert.alertId,
      occurredAt: alert.updatedAt,
      seq: 1,
      change: 'updated',
      alert,
    } as const;
    step(
      this.context(),
      this.state,
      { kind: 'alert-changed', change, authoritative: true },
      this.clock.now(),
    );
  }

  /** The version of an alert as the engine holds it (for health checks and tests). */
  versionOf(alertId: string): number | undefined {
    return this.state.book.byId.get(alertId)?.alert.version;
  }

  private refreshContext(): void {
    this.stats.cameras = this.sites.size;
    this.ctx = createEngineContext({
      ruleSet: this.rules,
      directory: buildCameraDirectory(this.sites.values()),
      baseline: this.baseline,
      silences: this.silences,
    });
  }

  private context(): EngineContext {
    if (this.ctx === undefined) this.refreshContext();
    return this.ctx as EngineContext;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function buildSites(registered: readonly CameraRegistered[]): CameraSite[] {
  const dir = buildCameraDirectory(registered);
  return registered.flatMap((r) => {
    const site = dir.get(r.cameraId);
    return site === undefined ? [] : [site];
  });
}
