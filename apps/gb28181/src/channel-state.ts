import { randomUUID } from 'node:crypto';
import {
  type SilenceTracker,
  deviceStatusEvent,
  registryEventOf,
  type CatalogItem,
  type SilenceTransition,
  type TownshipRef,
} from '@fengqiao/gb28181';
import { type DeviceProfile } from './device-directory';
import { type EventOutbox } from './event-outbox';
import { type GbMetrics } from './gb-metrics';
import { type Registration, type Registrations } from './registrations';

/**
 * The state of every channel: what the registry was told (a Catalog repeated every few minutes sends
 * nothing new) and whether it is online (SilenceTracker). Every change becomes a contract event.
 */
export class ChannelState {
  private readonly told = new Map<string, string>();

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

  deviceGone(reg: Registration, nowMs: number): void {
    for (const channelId of reg.channels.keys()) this.emit(this.tracker.reportedOff(channelId, nowMs));
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
    return changes.length;
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
    if (this.told.get(item.deviceId) !== fingerprint) {
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
