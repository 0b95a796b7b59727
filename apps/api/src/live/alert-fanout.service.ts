import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AlertChanged } from '@fengqiao/contracts';
import { AlertStore, toAlertChanged } from '@fengqiao/db';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { MetricsService } from '../metrics/metrics.service';
import { AlertSnapshots } from './alert-snapshots';
import { BroadcastLog } from './broadcast-log';
import { roomsForAlert, roomsForUser } from './live-rooms';
import { livePayload } from './live-payload';
import { type LiveNamespace, type LiveSocket } from './live-types';

/** More missed changes than this and the client resynchronises from a snapshot instead. */
const MAX_REPLAY = 500;

/** Sends each alert change once to every socket allowed to see it: live from Kafka, or replayed. */
@Injectable()
export class AlertFanout {
  private readonly logger = new Logger('alert-fanout');
  private readonly log = new BroadcastLog();
  private readonly snapshots: AlertSnapshots;
  private namespace: LiveNamespace | undefined;

  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
    private readonly metrics: MetricsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.snapshots = new AlertSnapshots(db, alerts);
  }

  bind(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  broadcast(change: AlertChanged): void {
    if (this.namespace === undefined || !this.log.record(change.seq, this.clock.now().getTime())) return;
    const skip = this.log.takeReplayed(change.seq);
    this.namespace.to(roomsForAlert(change.alert)).except(skip).emit('alert.changed', livePayload(change));
    this.metrics.alertChangesFannedOut.inc();
  }

  /** Joins the socket's rooms first, then replays what it missed, so nothing falls in between. */
  async attach(socket: LiveSocket): Promise<void> {
    const { user, lastSeq } = socket.data;
    await socket.join(roomsForUser(user));
    this.metrics.liveSockets.inc();
    const untilExpiry = user.expiresAt * 1000 - this.clock.now().getTime();
    const timer = setTimeout(
      () => {
        socket.emit('session.expired');
        socket.disconnect(true);
      },
      Math.max(0, untilExpiry),
    );
    socket.once('disconnect', () => {
      clearTimeout(timer);
      this.metrics.liveSockets.dec();
    });
    if (lastSeq !== undefined) await this.replay(socket, lastSeq, true);
  }

  /**
   * Sends what the socket missed after `lastSeq`. When a replay cannot cover the gap (more than
   * MAX_REPLAY changes, or a seq this database never reached) the client is resynchronised instead.
   */
  private async replay(socket: LiveSocket, lastSeq: number, mayResync: boolean): Promise<void> {
    const mark = this.log.mark();
    const rows = await this.alerts.changesAfter(
      this.db.pool,
      lastSeq,
      socket.data.user.regions,
      MAX_REPLAY + 1,
    );
    const uncovered =
      rows.length > MAX_REPLAY ||
      (rows.length === 0 && lastSeq > 0 && (await this.alerts.latestSeq(this.db.pool)) < lastSeq);
    if (uncovered && mayResync) return this.resync(socket);
    // From here to the end nothing awaits: no broadcast can interleave with the bookkeeping below.
    const deliveredLive = this.log.seqsSince(mark);
    const now = this.clock.now().getTime();
    let count = 0;
    let throughSeq = lastSeq;
    for (const row of rows.slice(0, MAX_REPLAY)) {
      throughSeq = Math.max(throughSeq, row.seq);
      if (deliveredLive.has(row.seq)) continue;
      this.log.replayedTo(row.seq, socket.id, now);
      socket.emit('alert.changed', livePayload(toAlertChanged(row)));
      count += 1;
    }
    this.metrics.alertChangesReplayed.inc(count);
    socket.emit('alerts.replayed', { count, throughSeq });
    this.logger.debug(`replayed ${count} change(s) after seq ${lastSeq}`);
  }

  /**
   * The open alerts of the socket's scope as of the newest change, which replace the client's list;
   * then (the same replay as a resume) what changed after that snapshot, including what was
   * broadcast to the socket before the snapshot reached it.
   */
  private async resync(socket: LiveSocket): Promise<void> {
    const snapshot = await this.snapshots.openAlerts(socket.data.user.regions);
    socket.emit('alerts.resync', { reason: 'gap-too-large', ...snapshot });
    this.logger.debug(`resynchronised a client at seq ${snapshot.latestSeq}`);
    await this.replay(socket, snapshot.latestSeq, false);
  }
}
