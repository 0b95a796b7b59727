import { type NotifyConfig, type NotifyTuning } from '@fengqiao/config';
import {
  type AlertStore,
  toAlert,
  type DbPool,
  type NotificationRow,
  type NotificationsRepository,
} from '@fengqiao/db';
import { cityDateTime, isAlertOpen } from '@fengqiao/domain';
import {
  retryDelayMs,
  signAckLink,
  stillUnacknowledged,
  type DeliveryVerdict,
  type NotificationMessage,
} from '@fengqiao/notify';
import { type NotifyChannel } from '@fengqiao/db';
import { type NotificationChannel } from '../channels/channel.port';
import { type RegionNames } from '../planning/region-names';

export interface DispatcherDeps {
  readonly pool: DbPool;
  readonly notifications: NotificationsRepository;
  readonly alerts: AlertStore;
  readonly channels: ReadonlyMap<NotifyChannel, NotificationChannel>;
  readonly regions: RegionNames;
  readonly config: Pick<NotifyConfig, 'secret' | 'linkBase' | 'ackLinkTtlMs' | 'retry'>;
  /** The claim's lease (crash recovery) and size: config.tuning.notify. */
  readonly tuning: Pick<NotifyTuning, 'leaseMs' | 'batch'>;
}

/**
 * Sends what is due: claims rows with a lease, drops a backup page once the alert was
 * acknowledged, merges a person's due digest notices into one message, records each attempt and
 * retries with back-off until the attempts are used up.
 */
export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /** One pass; resolves with the number of rows handled. */
  async runOnce(nowMs: number): Promise<number> {
    const { notifications, pool, tuning } = this.deps;
    const rows = await notifications.claimDue(pool, new Date(nowMs), tuning.leaseMs, tuning.batch);
    const carried = new Set<string>();
    for (const row of rows) {
      if (!carried.has(row.notification_id)) await this.handle(row, nowMs, carried);
    }
    return rows.length;
  }

  private async handle(row: NotificationRow, nowMs: number, carried: Set<string>): Promise<void> {
    const { notifications, pool, alerts } = this.deps;
    const at = new Date(nowMs);
    const stored = await alerts.findById(pool, row.alert_id);
    if (stored === undefined)
      return notifications.finish(pool, row.notification_id, 'failed', row.attempts, 'ALERT_NOT_FOUND', at);
    const alert = toAlert(stored);
    if (row.reason === 'backup' && !stillUnacknowledged(alert, row.level))
      return notifications.finish(
        pool,
        row.notification_id,
        'cancelled',
        row.attempts,
        'ALERT_ACKNOWLEDGED',
        at,
      );
    const channel = row.channel === null ? undefined : this.deps.channels.get(row.channel as NotifyChannel);
    if (channel === undefined || row.address === null || row.user_id === null)
      return notifications.finish(
        pool,
        row.notification_id,
        'failed',
        row.attempts,
        `CHANNEL_NOT_CONFIGURED: ${row.channel ?? 'none'}`,
        at,
      );
    const digest = row.reason === 'digest' ? await this.digestOf(row, nowMs) : undefined;
    if (digest !== undefined && digest.items.length === 0)
      return notifications.finish(pool, row.notification_id, 'cancelled', row.attempts, 'ALERTS_CLOSED', at);
    const message: NotificationMessage = {
      alertId: alert.alertId,
      title: alert.title,
      colour: alert.colour,
      level: row.level,
      regionName: await this.deps.regions.nameOf([
        alert.region.township ?? alert.region.county,
        ...(alert.region.grid === undefined ? [] : [alert.region.grid]),
      ]),
      reason: row.reason,
      raisedAt: cityDateTime(Date.parse(alert.raisedAt)),
      ...(digest === undefined ? { ackUrl: this.ackUrl(row, nowMs) } : { items: digest.items }),
    };
    const verdict = await channel.send({ id: row.notification_id, address: row.address, message });
    await this.record(row, verdict, nowMs, digest?.ids ?? [row.notification_id]);
    for (const id of digest?.ids ?? []) carried.add(id);
  }

  private async digestOf(row: NotificationRow, nowMs: number): Promise<{ ids: string[]; items: string[] }> {
    const { notifications, pool, alerts } = this.deps;
    const due = await notifications.dueDigestsOf(pool, row.user_id ?? '', row.channel ?? '', new Date(nowMs));
    const ids = [
      row.notification_id,
      ...due.map((d) => d.notification_id).filter((id) => id !== row.notification_id),
    ];
    const items: string[] = [];
    for (const d of [row, ...due.filter((x) => x.notification_id !== row.notification_id)]) {
      const a = await alerts.findById(pool, d.alert_id);
      if (a !== undefined && isAlertOpen(a.state)) items.push(a.title);
    }
    return { ids, items };
  }

  private ackUrl(row: NotificationRow, nowMs: number): string {
    const { secret, linkBase, ackLinkTtlMs } = this.deps.config;
    const token = signAckLink(secret, {
      notificationId: row.notification_id,
      userId: row.user_id ?? '',
      alertId: row.alert_id,
      expiresAt: Math.floor((nowMs + ackLinkTtlMs) / 1000),
    });
    return `${linkBase}/ack/${token}`;
  }

  private async record(
    row: NotificationRow,
    verdict: DeliveryVerdict,
    nowMs: number,
    ids: readonly string[],
  ): Promise<void> {
    const { notifications, pool } = this.deps;
    const at = new Date(nowMs);
    const attempt = row.attempts + 1;
    const detail = verdict.ok ? 'delivered' : `${verdict.code}: ${verdict.message}`;
    await notifications.recordAttempt(pool, row.notification_id, attempt, at, verdict.ok, detail);
    if (verdict.ok)
      return notifications.delivered(pool, ids, attempt, at, ids.length > 1 ? row.notification_id : null);
    const delay = verdict.retry ? retryDelayMs(this.deps.config.retry, attempt) : undefined;
    if (delay === undefined)
      return notifications.finish(pool, row.notification_id, 'failed', attempt, detail, at);
    return notifications.retryAt(pool, row.notification_id, attempt, new Date(nowMs + delay), detail, at);
  }
}
