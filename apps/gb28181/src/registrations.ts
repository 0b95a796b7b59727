import { type Peer } from './sip-transport';

export interface Registration {
  readonly deviceId: string;
  peer: Peer;
  expiresAtMs: number;
  callId: string;
  /** Channels (camera ids) the device's last Catalog listed, with whether the device says they are on. */
  readonly channels: Map<string, boolean>;
}

/** The devices registered now, by id; an expired registration counts as absent. */
export class Registrations {
  private readonly byId = new Map<string, Registration>();
  /**
   * Every device that lists a channel, latest last: an NVR and the platform that cascades it both
   * report its cameras, and one of them leaving must not take a camera the other still reports.
   */
  private readonly reporters = new Map<string, Set<string>>();

  /** Records a channel of a device (Catalog), with whether the device says it is on. */
  assign(reg: Registration, channelId: string, on: boolean): void {
    reg.channels.set(channelId, on);
    const set = this.reporters.get(channelId) ?? new Set<string>();
    set.delete(reg.deviceId);
    set.add(reg.deviceId);
    this.reporters.set(channelId, set);
  }

  unassign(reg: Registration, channelId: string): void {
    reg.channels.delete(channelId);
    const set = this.reporters.get(channelId);
    set?.delete(reg.deviceId);
    if (set?.size === 0) this.reporters.delete(channelId);
  }

  /** True when a registered device other than `deviceId` reports the channel on. */
  reportedOnByOther(channelId: string, deviceId: string, nowMs: number): boolean {
    for (const other of this.reporters.get(channelId) ?? [])
      if (other !== deviceId && this.live(other, nowMs)?.channels.get(channelId) === true) return true;
    return false;
  }

  upsert(
    deviceId: string,
    peer: Peer,
    expiresAtMs: number,
    callId: string,
  ): { reg: Registration; isNew: boolean } {
    const existing = this.byId.get(deviceId);
    if (existing !== undefined) {
      const isNew = existing.callId !== callId;
      Object.assign(existing, { peer, expiresAtMs, callId });
      return { reg: existing, isNew };
    }
    const reg: Registration = { deviceId, peer, expiresAtMs, callId, channels: new Map() };
    this.byId.set(deviceId, reg);
    return { reg, isNew: true };
  }

  live(deviceId: string, nowMs: number): Registration | undefined {
    const reg = this.byId.get(deviceId);
    return reg !== undefined && reg.expiresAtMs > nowMs ? reg : undefined;
  }

  remove(deviceId: string): Registration | undefined {
    const reg = this.byId.get(deviceId);
    this.byId.delete(deviceId);
    return reg;
  }

  /** The registered device a channel belongs to (alarms, NOTIFYs, play): its latest live reporter. */
  ownerOf(channelId: string, nowMs: number): Registration | undefined {
    const live = [...(this.reporters.get(channelId) ?? [])]
      .map((id) => this.live(id, nowMs))
      .filter((r) => r !== undefined);
    return live[live.length - 1] ?? this.live(channelId, nowMs);
  }

  get size(): number {
    return this.byId.size;
  }

  channelCount(): number {
    let n = 0;
    for (const reg of this.byId.values()) n += reg.channels.size;
    return n;
  }
}
