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
  private readonly owners = new Map<string, string>();

  /** Records a channel of a device (Catalog), with whether the device says it is on. */
  assign(reg: Registration, channelId: string, on: boolean): void {
    reg.channels.set(channelId, on);
    this.owners.set(channelId, reg.deviceId);
  }

  unassign(reg: Registration, channelId: string): void {
    reg.channels.delete(channelId);
    if (this.owners.get(channelId) === reg.deviceId) this.owners.delete(channelId);
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

  /** The registered device a channel belongs to (alarms and NOTIFYs name the channel). */
  ownerOf(channelId: string, nowMs: number): Registration | undefined {
    const owner = this.owners.get(channelId);
    return this.live(owner ?? channelId, nowMs);
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
