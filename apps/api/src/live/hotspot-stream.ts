import { Inject, Injectable } from '@nestjs/common';
import { type HotspotSource, type HotspotsSnapshot, type LiveHotspot } from '@fengqiao/contracts';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { diffHotspots } from './hotspot-diff';
import { LiveSourcesRepository } from './live-sources.repository';
import { activeScopes, type LiveScope, roomOfScope, scopesOfUser } from './live-scopes';
import { type LiveNamespace, type LiveSocket } from './live-types';
import { SerialQueue } from './serial-queue';

export const HOTSPOT_HOURS = 24;
export const HOTSPOT_LIMIT = 10;
const HOUR_MS = 3_600_000;

interface ScopeState {
  version: number;
  source: HotspotSource;
  items: LiveHotspot[];
}

/**
 * Top hotspots per scope room: a full `hotspots.snapshot` to each new socket, then only
 * `hotspots.changed` deltas (entries that changed, townships that left) when the list moves. The
 * list is the warning service's scored one (`source: 'engine'`) or, before it has scored, counts.
 */
@Injectable()
export class HotspotStream {
  private readonly queue = new SerialQueue();
  private readonly state = new Map<string, ScopeState>();

  constructor(
    private readonly db: Database,
    private readonly sources: LiveSourcesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  tick(namespace: LiveNamespace): Promise<void> {
    return this.queue.run(async () => {
      const active = activeScopes(namespace.adapter.rooms);
      const keys = new Set(active.map((s) => s ?? 'city'));
      // A scope nobody watches any more is forgotten: its next subscriber starts from a snapshot.
      for (const key of this.state.keys()) if (!keys.has(key)) this.state.delete(key);
      for (const scope of active) {
        const prev = this.state.get(scope ?? 'city');
        const next = await this.load(scope);
        const { items } = next;
        if (prev === undefined) {
          this.state.set(scope ?? 'city', { version: 0, ...next });
          continue;
        }
        if (prev.source !== next.source) {
          // Counts and engine scores rank differently: the room starts over from a whole list.
          const s = { version: prev.version + 1, ...next };
          this.state.set(scope ?? 'city', s);
          namespace.to(roomOfScope(scope)).emit('hotspots.snapshot', this.snapshotOf(scope, s));
          continue;
        }
        const diff = diffHotspots(prev.items, items);
        if (diff.upserted.length === 0 && diff.removed.length === 0) continue;
        const fromVersion = prev.version;
        this.state.set(scope ?? 'city', { version: fromVersion + 1, ...next });
        namespace.to(roomOfScope(scope)).emit('hotspots.changed', {
          scope: { region: scope },
          fromVersion,
          version: fromVersion + 1,
          asOf: this.clock.now().toISOString(),
          ...diff,
        });
      }
    });
  }

  welcome(socket: LiveSocket): Promise<void> {
    return this.queue.run(async () => {
      for (const scope of scopesOfUser(socket.data.user)) {
        let s = this.state.get(scope ?? 'city');
        if (s === undefined) {
          s = { version: 0, ...(await this.load(scope)) };
          this.state.set(scope ?? 'city', s);
        }
        socket.emit('hotspots.snapshot', this.snapshotOf(scope, s));
      }
    });
  }

  private snapshotOf(scope: LiveScope, s: ScopeState): HotspotsSnapshot {
    return {
      scope: { region: scope },
      version: s.version,
      hours: HOTSPOT_HOURS,
      asOf: this.clock.now().toISOString(),
      source: s.source,
      items: s.items,
    };
  }

  private async load(scope: LiveScope): Promise<{ source: HotspotSource; items: LiveHotspot[] }> {
    const now = this.clock.now();
    const since = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (HOTSPOT_HOURS - 1) * HOUR_MS);
    const top = await this.sources.hotspots(this.db.pool, { since, scope, limit: HOTSPOT_LIMIT, now });
    const items = top.rows.map((r, i) => ({
      township: r.township,
      county: r.county,
      name: r.name,
      rank: i + 1,
      events: r.events,
      expected: r.expected,
      topCategory: r.top_category,
      ...(r.score === undefined ? {} : { score: r.score, factors: r.factors ?? [] }),
    }));
    return { source: top.source, items };
  }
}
