import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type KpiSnapshot } from '@fengqiao/contracts';
import { KPI_WINDOW_DAYS } from '@fengqiao/domain';
import { type Clock } from '../infra/api-options';
import { CLOCK, CONFIG } from '../infra/tokens';
import { ActiveDeadlines } from './active-deadlines';
import { type FastTiles, KpiTilesService, type SlowTiles } from './kpi-tiles.service';
import { slowTilesIncomplete } from './kpi-values';

interface Cached<T> {
  readonly at: number;
  /** The rule-set version the tiles were measured against (null: the default set). */
  readonly ruleSetVersion: number | null;
  readonly value: Promise<T>;
  /** Set once the value resolved with a tile still without a figure: kept only for the fast max age. */
  incomplete?: boolean;
}

/**
 * KPI snapshots per scope, shared by the REST route and the live stream: each half is recomputed
 * only when older than its max age or measured against another rule-set version than the active one
 * (an activation shows at once), and concurrent callers share one computation. A slow half with a
 * tile still without a figure (a first start, the history's first step still loading) is kept only
 * for the fast max age: its figures then show within seconds of the data, not a minute later
 * (measured: 20 s after the first step, bench/system/time-to-tiles.ts).
 */
@Injectable()
export class KpisService {
  private readonly fastCache = new Map<string, Cached<FastTiles>>();
  private readonly slowCache = new Map<string, Cached<SlowTiles>>();

  constructor(
    private readonly tiles: KpiTilesService,
    private readonly active: ActiveDeadlines,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  async snapshot(scope: string | null): Promise<KpiSnapshot> {
    const now = this.clock.now();
    const [fast, slow] = await Promise.all([
      this.cached(this.fastCache, scope, now, () => this.tiles.fast(scope, now)),
      this.cached(this.slowCache, scope, now, () => this.tiles.slow(scope, now), slowTilesIncomplete),
    ]);
    return { scope: { region: scope }, windowDays: KPI_WINDOW_DAYS, ...fast, ...slow };
  }

  /** Forgets cached tiles (tests and a manual refresh). */
  invalidate(): void {
    this.fastCache.clear();
    this.slowCache.clear();
  }

  private cached<T>(
    cache: Map<string, Cached<T>>,
    scope: string | null,
    now: Date,
    compute: () => Promise<T>,
    incomplete?: (value: T) => boolean,
  ): Promise<T> {
    const { kpiFastMaxAgeMs, kpiSlowMaxAgeMs } = this.config.tuning.api;
    const key = scope ?? 'city';
    const ruleSetVersion = this.active.get().version;
    const hit = cache.get(key);
    // The fast half: the fast max age. The slow half: the slow one, unless it resolved with a tile
    // still without a figure (while it is being computed, callers share it).
    const maxAgeMs = incomplete === undefined || hit?.incomplete === true ? kpiFastMaxAgeMs : kpiSlowMaxAgeMs;
    if (hit !== undefined && hit.ruleSetVersion === ruleSetVersion && now.getTime() - hit.at < maxAgeMs)
      return hit.value;
    const value = compute();
    const entry: Cached<T> = { at: now.getTime(), ruleSetVersion, value };
    cache.set(key, entry);
    if (incomplete !== undefined)
      value.then(
        (v) => (entry.incomplete = incomplete(v)),
        () => undefined,
      );
    // A failed computation is not kept: the next caller tries again.
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
    return value;
  }
}
