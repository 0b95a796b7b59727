import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { LIVE_RESUME_MARGIN, type AlertChanged } from '@fengqiao/contracts';
import { AlertStore, toAlertChanged } from '@fengqiao/db';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { MetricsService } from '../metrics/metrics.service';
import { AlertSnapshots } from './alert-snapshots';
import { BroadcastLog } from './broadcast-log';
import { roomsForAlert, roomsForUser } from './live-rooms';
import { livePayload } from './live-payload';
import { type LiveNamespace, type LiveSocket } from './live-types';

/** More missed changes than this and the client resynchronises from a snapshot instead. */
const MAX_REPLAY = 500;
/**
 * A catch-up starts this many seqs below the newest broadcast: a change's seq is taken before its
 * transaction commits, so a lower seq can become visible after a higher one was broadcast.
 */
const CATCH_UP_MARGIN = 200;

/**
 * Where a resuming socket's replay starts: after `lastSeq`, or, when the socket said which seqs it has
 * shown, after the lowest of those within LIVE_RESUME_MARGIN below it (what came before the client
 * first showed anything is its REST snapshot's, never replayed).
 */
function resumeFrom(lastSeq: number, seen: readonly number[] | undefined): number {
  const window = (seen ?? []).filter((s) => s <= lastSeq && s > lastSeq - LIVE_RESUME_MARGIN);
  return window.length === 0 ? lastSeq : Math.min(...window);
}

/** Sends each alert change once to every socket allowed to see it: live from Kafka, or replayed. */
@Injectable()
export class AlertFanout implements OnApplicationShutdown {
  private readonly logger = new Logger('alert-fanout');
  private readonly log = new BroadcastLog();
  private readonly snapshots: AlertSnapshots;
  private namespace: LiveNamespace | undefined;
  /**
   * The newest change when this instance bound its sockets: anything up to it is a resuming
   * socket's replay, never a catch-up's (a restarted API must not send the last changes again).
   */
  private floor: number | undefined;
  /** The highest seq this instance broadcast. */
  private highestSent: number | undefined;
  /** Live changes held back while a catch-up reads the database (then sent in seq order). */
  private held: AlertChanged[] | undefined;
  private catchUpAgain = false;
  /** A catch-up is reading the database. */
  private catchingUp = false;
  /** The API is shutting down: no catch-up is started or retried (its pool is closing). */
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
    private readonly metrics: MetricsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {
    this.snapshots = new AlertSnapshots(db, alerts);
  }

  bind(namespace: LiveNamespace): void {
    this.namespace = namespace;
    void this.alerts.latestSeq(this.db.pool).then(
      (seq) => (this.floor ??= seq),
      () => undefined,
    );
  }

  broadcast(change: AlertChanged): void {
    if (this.held !== undefined) {
      this.held.push(change);
      return;
    }
    this.send(change);
  }

  /**
   * The alert stream (re)joined Kafka, at the topic's end: whatever was published while it was away
   * or restarting never arrives from Kafka. Sends, from the database, every change after the highest
   * seq broadcast (less a margin, each seq once), holding live changes back meanwhile so each
   * alert's changes stay in order; when that gap is too large, every socket resynchronises instead.
   */
  catchUp(): void {
    if (this.closed) return;
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return;
    }
    clearTimeout(this.retryTimer);
    this.catchingUp = true;
    this.held ??= [];
    void this.catchUpOnce().then((ok) => {
      this.catchingUp = false;
      if (!ok) this.retryTimer = setTimeout(() => this.catchUp(), this.config.tuning.api.live.catchUpRetryMs);
      else if (this.catchUpAgain) {
        this.catchUpAgain = false;
        this.catchUp();
      } else
        this.retryTimer = setTimeout(() => this.lateCatchUp(), this.config.tuning.api.live.catchUpAgainMs);
    });
  }

  /**
   * The stream rejoined and is taking its position: live changes wait (in seq order) for the catch-up
   * that follows, so an alert's changes missed meanwhile are not sent after its newer ones.
   */
  hold(): void {
    this.held ??= [];
  }

  private lateCatchUp(): void {
    if (this.catchingUp || this.closed) return;
    this.catchingUp = true;
    this.held ??= [];
    void this.catchUpOnce().then(() => (this.catchingUp = false));
  }

  /** One catch-up; false when the database could not be read (the held changes go out anyway). */
  private async catchUpOnce(): Promise<boolean> {
    let missed: AlertChanged[] = [];
    let ok = true;
    try {
      if (this.floor === undefined) {
        // The database was away when the sockets were bound: where they stand is unknown.
        await this.resyncAll();
      } else {
        const from = Math.max(this.floor, (this.highestSent ?? this.floor) - CATCH_UP_MARGIN);
        const rows = await this.alerts.changesAfter(this.db.pool, from, [], MAX_REPLAY + CATCH_UP_MARGIN + 1);
        if (rows.length > MAX_REPLAY + CATCH_UP_MARGIN) await this.resyncAll();
        else missed = rows.map(toAlertChanged);
      }
    } catch (err) {
      ok = false;
      this.logger.warn(
        `catch-up from the database failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const held = this.held ?? [];
    this.held = undefined;
    let count = 0;
    for (const change of [...missed, ...held].sort((a, b) => a.seq - b.seq))
      if (this.send(change)) count += 1;
    if (missed.length > 0) this.logger.log(`caught up ${count} change(s) the alert stream had not delivered`);
    return ok;
  }

  /** Every connected socket replaces its list from a snapshot (the catch-up gap is too large). */
  private async resyncAll(): Promise<void> {
    const sockets = [...(this.namespace?.sockets.values() ?? [])];
    const latest = await this.alerts.latestSeq(this.db.pool);
    this.floor = Math.max(this.floor ?? 0, latest);
    this.highestSent = Math.max(this.highestSent ?? 0, latest);
    for (const socket of sockets) await this.resync(socket);
    this.logger.log(`resynchronised ${sockets.length} socket(s): the stream's gap was too large to catch up`);
  }

  onApplicationShutdown(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
  }

  /** Sends one change to every socket allowed to see it; false when it was already sent. */
  private send(change: AlertChanged): boolean {
    if (this.namespace === undefined || !this.log.record(change.seq, this.clock.now().getTime()))
      return false;
    this.highestSent = Math.max(this.highestSent ?? 0, change.seq);
    const skip = this.log.takeReplayed(change.seq);
    this.namespace.to(roomsForAlert(change.alert)).except(skip).emit('alert.changed', livePayload(change));
    this.metrics.alertChangesFannedOut.inc();
    return true;
  }

  /** Joins the socket's rooms first, then replays what it missed, so nothing falls in between. */
  async attach(socket: LiveSocket): Promise<void> {
    const { user, lastSeq, seen } = socket.data;
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
    if (lastSeq !== undefined) await this.replay(socket, lastSeq, true, seen);
  }

  /**
   * Sends what the socket missed after `lastSeq` and, when it said which seqs it has shown (`seen`),
   * the seqs of the LIVE_RESUME_MARGIN window below `lastSeq` it has not shown (a lagging partition
   * delivered them after a higher seq). When a replay cannot cover the gap (more than MAX_REPLAY
   * changes, or a seq this database never reached) the client is resynchronised instead.
   */
  private async replay(
    socket: LiveSocket,
    lastSeq: number,
    mayResync: boolean,
    seen?: readonly number[],
  ): Promise<void> {
    const mark = this.log.mark();
    const from = resumeFrom(lastSeq, seen);
    const shown = new Set(seen);
    const read = await this.alerts.changesAfter(
      this.db.pool,
      from,
      socket.data.user.regions,
      MAX_REPLAY + (lastSeq - from) + 1,
    );
    const rows = read.filter((r) => r.seq > lastSeq || !shown.has(r.seq));
    const uncovered =
      rows.length > MAX_REPLAY ||
      (read.length === 0 && lastSeq > 0 && (await this.alerts.latestSeq(this.db.pool)) < lastSeq);
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
    this.logger.debug(`replayed ${count} change(s) after seq ${from}`);
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
