import { type Hotspot } from '@fengqiao/contracts';
import { type DbPool, withTransaction } from '@fengqiao/db';
import { type WriteFence } from '../engine/alert-recorder';
import { type HotspotScoresRepository } from '@fengqiao/db';

/** What the publisher needs of the engine: its current ranking and rule-set version. */
export interface HotspotSource {
  currentHotspots(): Promise<{ readonly ruleSetVersion: number; readonly list: readonly Hotspot[] }>;
}

export interface HotspotPublisherOptions {
  /** Least time between two rewrites of the list (the wall needs no more). Default 5 s. */
  readonly minIntervalMs?: number;
  /** A heartbeat at least this often, even when nothing changed, so readers know we are alive. */
  readonly heartbeatMs?: number;
  /**
   * Checked last inside every write's transaction (the leader fence): a deposed leader's rewrite,
   * heartbeat or withdrawal rolls back with LEADERSHIP_LOST instead of touching the new leader's list.
   */
  readonly fence?: WriteFence;
}

/**
 * Publishes the engine's top hotspots to hotspot_scores, throttled: the list is replaced (in one
 * transaction, so readers never see half a tick) only when the ranking, a score or a factor changed
 * and the last write is at least `minIntervalMs` old; otherwise only the heartbeat moves, and only
 * every `heartbeatMs`. Scores are compared without the clock, so an idle city writes nothing.
 */
export class HotspotPublisher {
  private lastKey = '';
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private lastBeatAt = Number.NEGATIVE_INFINITY;
  private readonly minIntervalMs: number;
  private readonly heartbeatMs: number;
  private readonly fence: WriteFence;

  constructor(
    private readonly pool: DbPool,
    private readonly repo: HotspotScoresRepository,
    private readonly source: HotspotSource,
    opts: HotspotPublisherOptions = {},
  ) {
    this.minIntervalMs = opts.minIntervalMs ?? 5_000;
    this.heartbeatMs = opts.heartbeatMs ?? 30_000;
    this.fence = opts.fence ?? (() => Promise.resolve());
  }

  /** Withdraws the list and the heartbeat (clean stop); the next publish starts afresh. */
  async retire(): Promise<void> {
    await withTransaction(this.pool, async (tx) => {
      await this.repo.retire(tx);
      await this.fence(tx);
    });
    this.lastKey = '';
    this.lastWriteAt = this.lastBeatAt = Number.NEGATIVE_INFINITY;
  }

  /** True when the list was rewritten. */
  async publish(now: number): Promise<boolean> {
    const { ruleSetVersion, list } = await this.source.currentHotspots();
    const key = JSON.stringify([ruleSetVersion, list]);
    const changed = key !== this.lastKey;
    if (changed && now - this.lastWriteAt >= this.minIntervalMs) {
      const at = new Date(now);
      await withTransaction(this.pool, async (tx) => {
        await this.repo.replace(tx, list, ruleSetVersion, at);
        await this.repo.heartbeat(tx, at, ruleSetVersion, list.length);
        await this.fence(tx);
      });
      this.lastKey = key;
      this.lastWriteAt = this.lastBeatAt = now;
      return true;
    }
    if (now - this.lastBeatAt >= this.heartbeatMs) {
      await withTransaction(this.pool, async (tx) => {
        await this.repo.heartbeat(tx, new Date(now), ruleSetVersion, list.length);
        await this.fence(tx);
      });
      this.lastBeatAt = now;
    }
    return false;
  }
}
