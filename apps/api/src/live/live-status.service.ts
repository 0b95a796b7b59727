import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { SOCKET_EVENTS } from '@fengqiao/contracts';
import { type Clock } from '../infra/api-options';
import { CLOCK, CONFIG } from '../infra/tokens';
import { AlertStreamConsumer } from './alert-stream.consumer';
import { LiveStatusTracker } from './live-status';
import { type LiveNamespace, type LiveSocket } from './live-types';

/** Tells every wall whether the live streams are whole: on connection, then on each change. */
@Injectable()
export class LiveStatusService implements OnModuleDestroy {
  private readonly tracker: LiveStatusTracker;
  private timer: NodeJS.Timeout | undefined;
  private namespace: LiveNamespace | undefined;

  constructor(
    private readonly alerts: AlertStreamConsumer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {
    this.tracker = new LiveStatusTracker(alerts.state(), clock.now());
  }

  bind(namespace: LiveNamespace): void {
    this.namespace = namespace;
    clearInterval(this.timer);
    // A wall learns of a change of the alert stream's state within this (config.tuning.api.live).
    this.timer = setInterval(() => this.watch(), this.config.tuning.api.live.watchEveryMs);
    this.timer.unref();
  }

  /** The current status; a change seen now goes to every socket of the namespace, this one included. */
  welcome(socket: LiveSocket): void {
    if (!this.watch()) socket.emit(SOCKET_EVENTS.liveStatus, this.tracker.current());
  }

  /** Broadcasts the status when it changed; true when it did. */
  private watch(): boolean {
    const changed = this.tracker.observe(this.alerts.state(), this.clock.now());
    if (changed === undefined || this.namespace === undefined) return false;
    this.namespace.emit(SOCKET_EVENTS.liveStatus, changed);
    return true;
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
