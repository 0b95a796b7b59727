import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type KpiSnapshot } from '@fengqiao/contracts';
import { CONFIG } from '../infra/tokens';
import { KpisService } from '../kpis/kpis.service';
import { activeScopes, roomOfScope, scopesOfUser } from './live-scopes';
import { type LiveNamespace, type LiveSocket } from './live-types';
import { SerialQueue } from './serial-queue';

/** A snapshot without its timestamps: two snapshots with the same content are the same. */
const contentOf = (s: KpiSnapshot): string =>
  JSON.stringify(s, (k, v: unknown) => (k === 'asOf' ? undefined : v));

/** `kpis.updated` per scope room: on connection, then when a figure changed (or a minute passed). */
@Injectable()
export class KpiStream {
  private readonly queue = new SerialQueue();
  private readonly sent = new Map<string, { content: string; at: number }>();

  constructor(
    private readonly kpis: KpisService,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  tick(namespace: LiveNamespace, now: number): Promise<void> {
    return this.queue.run(async () => {
      for (const scope of activeScopes(namespace.adapter.rooms)) {
        const snapshot = await this.kpis.snapshot(scope);
        const key = scope ?? 'city';
        const content = contentOf(snapshot);
        const last = this.sent.get(key);
        if (
          last !== undefined &&
          last.content === content &&
          now - last.at < this.config.tuning.api.live.resendUnchangedMs
        )
          continue;
        this.sent.set(key, { content, at: now });
        namespace.to(roomOfScope(scope)).emit('kpis.updated', snapshot);
      }
    });
  }

  welcome(socket: LiveSocket): Promise<void> {
    return this.queue.run(async () => {
      for (const scope of scopesOfUser(socket.data.user)) {
        const snapshot = await this.kpis.snapshot(scope);
        // The room's first socket sets the baseline: the next tick sends only a change.
        const key = scope ?? 'city';
        if (!this.sent.has(key))
          this.sent.set(key, { content: contentOf(snapshot), at: Date.parse(snapshot.casesToday.asOf) });
        socket.emit('kpis.updated', snapshot);
      }
    });
  }
}
