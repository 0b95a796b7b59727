import { randomUUID } from 'node:crypto';
import { type SilenceTracker, type SilenceTransition } from '@fengqiao/domain';
import { deviceStatusEvent, registryEventOf, type CatalogItem, type TownshipRef } from '@fengqiao/gb28181';
import { type DeviceProfile } from './device-directory';
import { type EventOutbox } from './event-outbox';
import { type GbMetrics } from './gb-metrics';
import { type Registration, type Registrations } from './registrations';

/**
 * The state of every channel: what the registry was told (a Catalog repeated every few minutes sends
 * nothing new) and whether it is online (SilenceTracker). Every change becomes a contract event.
 */
// The ingest refuses a status of a camera it has not registered yet (UNKNOWN_CAMERA), and the registry
// and status topics are consumed independently: a new channel's state is said again after these delays.
const RESTATE_AFTER_MS = [5_000, 60_000] as const;

export class ChannelState {
  private readonly told = new Map<string, string>();
  // One FIFO per delay: each is sorted by due time, so a sweep only looks at its due heads.
  private readonly restates = RESTATE_AFTER_MS.map(() => ({
    head: 0,
    items: [] as { channelId: string; atMs: number }[],
  }));

  constructor(
    private readonly tracker: SilenceTracker,
    private readonly registrations: Registrations,
    private readonly townships: readonly TownshipRef[],
    private readonly outbox: EventOutbox,
    private readonly metrics: GbMetrics,
  ) {}

  /** A sign of life from a device: every channel it says is on stays online for `windowMs`. */
  deviceAlive(reg: Registration, nowMs: number, windowMs: number): void {
    for (const [channelId, on] of reg.channels)
      if (on) this.emit(this.tracker.seen(channelId, nowMs, windowMs));
  }

  /** A device left (unregister, DeviceStatus offline): its channels off, unless another live device reports them on. */
  deviceGone(reg: Registration, nowMs: number): void {
    for (const channelId of reg.channels.keys()) {
      if (this.registrations.reportedOnByOther(channelId, reg.deviceId, nowMs)) {
        this.metrics.inc('status_kept_by_other_reporter');
        continue;
      }
      this.emit(this.tracker.reportedOff(channelId, nowMs));
    }
  }

  /** Catalog items (a complete response, or NOTIFY events) of a registered device. */
  catalog(
    reg: Registration,
    profile: DeviceProfile,
    items: readonly CatalogItem[],
    nowMs: number,
    windowMs: number,
  ): void {
    for (const item of items) {
      if (item.event === 'DEL') {
        this.registrations.unassign(reg, item.deviceId);
        this.emit(this.tracker.reportedOff(item.deviceId, nowMs));
        continue;
      }
      if (!this.register(item, profile, nowMs)) continue;
      const off = item.online === false || ['OFF', 'VLOST', 'DEFECT'].includes(item.event ?? '');
      this.registrations.assign(reg, item.deviceId, !off);
      this.emit(
        off
          ? this.tracker.reportedOff(item.deviceId, nowMs)
          : this.tracker.seen(item.deviceId, nowMs, windowMs),
      );
    }
  }

  sweep(nowMs: number): number {
    const changes = this.tracker.sweep(nowMs);
    for (const c of changes) this.emit(c);
    this.restateDue(nowMs);
    return changes.length;
  }

  private restateDue(nowMs: number): void {
    for (const q of this.restates) {
      while (q.head < q.items.length && (q.items[q.head]?.atMs ?? Infinity) <= nowMs) {
        const channelId = q.items[q.head++]?.channelId ?? '';
        const online = this.tracker.isOnline(channelId);
        if (online === undefined) continue;
        this.metrics.inc('status_restated');
        this.outbox.add('cameraStatus', deviceStatusEvent(channelId, online, new Date(nowMs), randomUUID()));
      }
      if (q.head > 1024 && q.head * 2 > q.items.length) {
        q.items.splice(0, q.head);
        q.head = 0;
      }
    }
  }

  /** True when the item is a camera of the city (registry event sent if it changed). */
  private register(item: CatalogItem, profile: DeviceProfile, nowMs: number): boolean {
    const out = registryEventOf(item, {
      eventId: randomUUID(),
      at: new Date(nowMs),
      townships: this.townships,
      siteType: profile.siteType,
      department: profile.department,
    });
    if (out.kind === 'skipped') {
      this.metrics.inc(`catalog_skipped_${out.reason.replace(/-/g, '_')}`);
      return false;
    }
    const { eventId: _e, occurredAt: _o, ...content } = out.event;
    const fingerprint = JSON.stringify(content);
    const previous = this.told.get(item.deviceId);
    if (previous !== fingerprint) {
      if (previous === undefined)
        RESTATE_AFTER_MS.forEach((after, i) =>
          this.restates[i]?.items.push({ channelId: item.deviceId, atMs: nowMs + after }),
        );
      this.told.set(item.deviceId, fingerprint);
      this.outbox.add('cameraRegistry', out.event);
      this.metrics.inc('registry_events');
    }
    return true;
  }

  private emit(change: SilenceTransition | undefined): void {
    if (change === undefined) return;
    this.metrics.inc(change.online ? 'status_online' : `status_offline_${change.reason.replace(/-/g, '_')}`);
    this.outbox.add(
      'cameraStatus',
      deviceStatusEvent(change.cameraId, change.online, new Date(change.atMs), randomUUID()),
    );
  }
}
