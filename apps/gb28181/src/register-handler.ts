import { randomBytes } from 'node:crypto';
import {
  NonceStore,
  digestChallenge,
  headerOf,
  headerParam,
  parseDigest,
  serializeResponse,
  sipUserOf,
  verifyDigest,
  type SipRequest,
} from '@fengqiao/gb28181';
import { cityClockTime, cityDateOf } from '@fengqiao/domain';
import { type GbContext } from './gb-context';
import { type Peer } from './sip-transport';

const NONCE_TTL_MS = 60_000;

/** The device's local clock text the standard asks for in the 200's Date (Beijing time, no zone). */
export function gbDate(nowMs: number): string {
  const millis = String(((nowMs % 1000) + 1000) % 1000).padStart(3, '0');
  return `${cityDateOf(nowMs)}T${cityClockTime(nowMs)}.${millis}`;
}

/**
 * REGISTER with digest authentication: no credentials → 401 with a fresh nonce; unknown device,
 * wrong realm or user, wrong digest or a replayed nonce → 403 (logged and counted); a stale nonce → a
 * new 401; Expires 0 → unregistered, its channels offline. Each nonce is good for one REGISTER.
 */
export class RegisterHandler {
  private readonly nonces = new NonceStore(NONCE_TTL_MS);

  constructor(private readonly ctx: GbContext) {}

  handle(req: SipRequest, peer: Peer, nowMs: number): void {
    const { metrics, directory, config } = this.ctx;
    const reply = (status: number, reason: string, extra = {}): void =>
      peer.send(serializeResponse(req, status, reason, extra));
    const deviceId = sipUserOf(headerOf(req, 'from')) ?? '';
    const expiresText = headerOf(req, 'expires') ?? headerParam(headerOf(req, 'contact'), 'expires');
    if (expiresText === undefined || !/^\d{1,9}$/.test(expiresText)) {
      metrics.inc('register_bad_expires');
      return reply(400, 'Bad Request');
    }
    const profile = directory.profileOf(deviceId);
    if (profile === undefined) return this.refuse(reply, 'unknown_device', deviceId, peer);
    const auth = parseDigest(headerOf(req, 'authorization'));
    if (auth === undefined) return this.challenge(reply, nowMs);
    if (auth.username !== deviceId || auth.realm !== config.domain)
      return this.refuse(reply, 'bad_credentials', deviceId, peer);
    const nonce = this.nonces.consume(auth.nonce, nowMs);
    if (nonce === 'replayed') return this.refuse(reply, 'replayed_nonce', deviceId, peer);
    if (nonce !== 'fresh') {
      metrics.inc('register_stale_nonce');
      return this.challenge(reply, nowMs);
    }
    if (!verifyDigest('REGISTER', auth, profile.password))
      return this.refuse(reply, 'wrong_digest', deviceId, peer);
    const expires = Math.min(Number(expiresText), config.registerMaxExpiresS);
    const ok = { Contact: headerOf(req, 'contact'), Expires: String(expires), Date: gbDate(nowMs) };
    if (expires === 0) {
      const gone = this.ctx.registrations.remove(deviceId);
      if (gone !== undefined) this.ctx.channels.deviceGone(gone, nowMs);
      metrics.inc('register_unregistered');
      return reply(200, 'OK', ok);
    }
    const callId = headerOf(req, 'call-id') ?? '';
    const { reg, isNew } = this.ctx.registrations.upsert(deviceId, peer, nowMs + expires * 1000, callId);
    metrics.inc('register_ok');
    reply(200, 'OK', ok);
    this.ctx.channels.deviceAlive(reg, nowMs, this.ctx.windowOf(reg, nowMs));
    // A new registration (not a refresh): ask what it has; answers arrive as MESSAGEs.
    if (isNew) {
      this.ctx.queries.send(reg, 'Catalog');
      this.ctx.queries.send(reg, 'DeviceInfo');
    }
  }

  private challenge(reply: (s: number, r: string, e?: Record<string, string>) => void, nowMs: number): void {
    const nonce = randomBytes(16).toString('hex');
    this.nonces.remember(nonce, nowMs);
    this.ctx.metrics.inc('register_challenged');
    reply(401, 'Unauthorized', { 'WWW-Authenticate': digestChallenge(this.ctx.config.domain, nonce) });
  }

  private refuse(reply: (s: number, r: string) => void, why: string, deviceId: string, peer: Peer): void {
    this.ctx.metrics.inc(`register_refused_${why}`);
    this.ctx.log(
      `gb28181: REGISTER refused (${why}) for "${deviceId.slice(0, 32)}" from ${peer.address}:${peer.port}`,
    );
    reply(403, 'Forbidden');
  }
}
