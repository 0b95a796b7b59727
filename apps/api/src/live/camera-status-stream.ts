import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { cameraAggregateOf } from './camera-status-aggregate';
import { LiveSourcesRepository, type TownshipCamerasRow } from './live-sources.repository';
import { activeScopes, roomOfScope, scopesOfUser } from './live-scopes';
import { type LiveNamespace, type LiveSocket } from './live-types';
import { SerialQueue } from './serial-queue';

/** `camera-status.updated` per scope room: online share by county or township, when it changed. */
@Injectable()
export class CameraStatusStream {
  private readonly queue = new SerialQueue();
  private readonly sent = new Map<string, { content: string; at: number }>();
  private rows: { at: number; rows: TownshipCamerasRow[] } | undefined;

  constructor(
    private readonly db: Database,
    private readonly sources: LiveSourcesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  tick(namespace: LiveNamespace): Promise<void> {
    return this.queue.run(async () => {
      const scopes = activeScopes(namespace.adapter.rooms);
      if (scopes.length === 0) return;
      const rows = await this.load(0);
      const now = this.clock.now();
      for (const scope of scopes) {
        const aggregate = cameraAggregateOf(rows, scope, now.toISOString());
        const content = JSON.stringify(aggregate.rows);
        const last = this.sent.get(scope ?? 'city');
        if (
          last !== undefined &&
          last.content === content &&
          now.getTime() - last.at < this.config.tuning.api.live.resendUnchangedMs
        )
          continue;
        this.sent.set(scope ?? 'city', { content, at: now.getTime() });
        namespace.to(roomOfScope(scope)).emit('camera-status.updated', aggregate);
      }
    });
  }

  welcome(socket: LiveSocket): Promise<void> {
    return this.queue.run(async () => {
      // Rows this young are reused by a welcome instead of re-counting 31,000 cameras.
      const rows = await this.load(this.config.tuning.api.live.cameraRowsMaxAgeMs);
      const asOf = this.clock.now().toISOString();
      for (const scope of scopesOfUser(socket.data.user)) {
        const aggregate = cameraAggregateOf(rows, scope, asOf);
        const key = scope ?? 'city';
        if (!this.sent.has(key))
          this.sent.set(key, { content: JSON.stringify(aggregate.rows), at: Date.parse(asOf) });
        socket.emit('camera-status.updated', aggregate);
      }
    });
  }

  private async load(maxAgeMs: number): Promise<TownshipCamerasRow[]> {
    const now = this.clock.now();
    if (this.rows !== undefined && now.getTime() - this.rows.at < maxAgeMs) return this.rows.rows;
    const rows = await this.sources.camerasByTownship(this.db.pool, now);
    this.rows = { at: now.getTime(), rows };
    return rows;
  }
}
