import { randomUUID } from 'node:crypto';
import {
  type CatalogCollector,
  Gb28181Error,
  analyticsEventOf,
  headerOf,
  parseManscdp,
  serializeResponse,
  sipUserOf,
  type ManscdpMessage,
  type SipRequest,
} from '@fengqiao/gb28181';
import { type GbContext } from './gb-context';
import { type Registration } from './registrations';
import { type Peer } from './sip-transport';

/**
 * MESSAGE and NOTIFY with a MANSCDP body. Answered 200 at once (a query's answer is a later MESSAGE);
 * 400 for a body we cannot read, 404 for a device that is not registered (WVP's answer: most devices
 * then register again).
 */
export class MessageHandler {
  constructor(
    private readonly ctx: GbContext,
    private readonly collector: CatalogCollector,
  ) {}

  handle(req: SipRequest, peer: Peer, nowMs: number): void {
    const { metrics } = this.ctx;
    const reply = (status: number, reason: string): void => peer.send(serializeResponse(req, status, reason));
    if (!/manscdp\+xml/i.test(headerOf(req, 'content-type') ?? '')) {
      metrics.inc('message_not_manscdp');
      return reply(415, 'Unsupported Media Type');
    }
    let msg: ManscdpMessage;
    try {
      msg = parseManscdp(req.body);
    } catch (err) {
      if (!(err instanceof Gb28181Error)) throw err;
      metrics.inc(`bad_${err.code.toLowerCase()}`);
      return reply(400, 'Bad Request');
    }
    const sender = sipUserOf(headerOf(req, 'from')) ?? msg.deviceId;
    const reg =
      this.ctx.registrations.live(sender, nowMs) ?? this.ctx.registrations.ownerOf(msg.deviceId, nowMs);
    if (reg === undefined) {
      metrics.inc(`message_unknown_device`);
      return reply(404, 'Not Found');
    }
    reply(200, 'OK');
    // Behind NAT the device's address may change: answer and query where it speaks from now.
    reg.peer = peer;
    this.apply(msg, reg, nowMs);
  }

  /** Catalog pages whose time ran out: what arrived counts. */
  expireCatalogs(nowMs: number): void {
    for (const { deviceId, items } of this.collector.expire(nowMs)) {
      const reg = this.ctx.registrations.live(deviceId, nowMs);
      this.ctx.metrics.inc('catalog_incomplete');
      if (reg !== undefined) this.catalog(reg, items, nowMs);
    }
  }

  private apply(msg: ManscdpMessage, reg: Registration, nowMs: number): void {
    const { metrics, channels } = this.ctx;
    metrics.inc(`message_${msg.kind.replace(/-/g, '_')}`);
    switch (msg.kind) {
      case 'keepalive':
        return channels.deviceAlive(reg, nowMs, this.ctx.windowOf(reg, nowMs));
      case 'catalog': {
        if (msg.root === 'notify') return this.catalog(reg, msg.items, nowMs);
        const all = this.collector.add(msg, nowMs);
        if (all !== undefined) this.catalog(reg, all, nowMs);
        return;
      }
      case 'device-status':
        if (msg.online) return channels.deviceAlive(reg, nowMs, this.ctx.windowOf(reg, nowMs));
        return channels.deviceGone(reg, nowMs);
      case 'alarm': {
        // GB/T 28181 ids begin with their civil code: our platform id's first 4 digits name the city.
        const city = this.ctx.config.serverId.slice(0, 4);
        const event = analyticsEventOf(msg, new Date(nowMs), randomUUID(), city);
        if (event === undefined) return metrics.inc('alarm_unmapped');
        this.ctx.outbox.add('cameraAnalytics', event);
        return metrics.inc('alarm_events');
      }
      case 'device-info':
        this.ctx.log(
          `gb28181: ${reg.deviceId} is ${msg.manufacturer ?? '?'} ${msg.model ?? '?'} (${msg.channel ?? '?'} channels)`,
        );
        return;
      case 'other':
        return;
    }
  }

  private catalog(
    reg: Registration,
    items: Parameters<GbContext['channels']['catalog']>[2],
    nowMs: number,
  ): void {
    const profile = this.ctx.directory.profileOf(reg.deviceId);
    if (profile === undefined) return;
    this.ctx.metrics.inc('catalog_items', items.length);
    this.ctx.channels.catalog(reg, profile, items, nowMs, this.ctx.windowOf(reg, nowMs));
  }
}
