import { randomBytes } from 'node:crypto';
import { type FengqiaoConfig } from '@fengqiao/config';
import {
  buildPlayOffer,
  headerOf,
  parseSdpAnswer,
  playSsrc,
  serializeRequest,
  type SdpAnswer,
  type SipRequest,
  type SipResponse,
} from '@fengqiao/gb28181';
import { type GbMetrics } from './gb-metrics';
import { type Registration, type Registrations } from './registrations';
import { type Peer } from './sip-transport';

export type PlayErrorCode =
  'NOT_REGISTERED' | 'NO_MEDIA_PORT' | 'DEVICE_REFUSED' | 'INVITE_TIMEOUT' | 'BAD_ANSWER';

export class PlayError extends Error {
  constructor(
    readonly code: PlayErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'PlayError';
  }
}

export interface PlaySettings {
  readonly serverId: string;
  readonly domain: string;
  /** Our SIP address for Via/Contact. */
  readonly host: string;
  readonly sipPort: number;
  readonly mediaIp: string;
  readonly rtpPorts: { readonly min: number; readonly max: number };
  readonly transport: 'udp' | 'tcp-passive';
  readonly inviteTimeoutMs: number;
}

/** The play settings of the access service's config; the media address defaults to the host's. */
export function playSettingsOf(config: FengqiaoConfig, host = config.host): PlaySettings {
  const gb = config.gb28181;
  return {
    serverId: gb.serverId,
    domain: gb.domain,
    host,
    sipPort: gb.sipPort,
    mediaIp: gb.play.mediaIp ?? host,
    rtpPorts: gb.play.rtpPorts,
    transport: gb.play.transport,
    inviteTimeoutMs: gb.play.inviteTimeoutMs,
  };
}

/** One live-play dialog: an INVITE we sent for a channel, until BYE. */
export interface PlaySession {
  readonly callId: string;
  readonly channelId: string;
  readonly deviceId: string;
  readonly ssrc: string;
  readonly mediaPort: number;
  state: 'inviting' | 'proceeding' | 'playing' | 'ended';
  readonly startedMs: number;
  answer?: SdpAnswer;
  /** The To header of the 200 (with the device's tag): the dialog's remote side for ACK and BYE. */
  to?: string;
  contact?: string;
  cseq: number;
  readonly from: string;
  readonly peer: Peer;
  settle?: (error?: PlayError) => void;
}

/**
 * Live-play signalling (GB/T 28181 §9.2): INVITE with the SDP offer naming the media server's RTP port
 * and SSRC, 100 Trying / 200 OK with the device's SDP, ACK, BYE; a session table keyed by Call-ID and an
 * INVITE timeout. The RTP/PS receiver behind the port is the media server's (docs/gb28181.md).
 */
export class PlaySessions {
  private readonly sessions = new Map<string, PlaySession>();
  private readonly usedPorts = new Set<number>();
  private serial = 1;

  constructor(
    private readonly s: PlaySettings,
    private readonly registrations: Registrations,
    private readonly metrics: GbMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sends the INVITE; resolves once the device answered 200 and we sent the ACK. */
  invite(channelId: string): Promise<PlaySession> {
    const nowMs = this.now();
    const reg = this.registrations.ownerOf(channelId, nowMs);
    if (reg === undefined)
      return Promise.reject(new PlayError('NOT_REGISTERED', `no registered device has channel ${channelId}`));
    const mediaPort = this.takePort();
    if (mediaPort === undefined)
      return Promise.reject(new PlayError('NO_MEDIA_PORT', 'every RTP port of the range is in use'));
    const session: PlaySession = {
      callId: randomBytes(12).toString('hex'),
      channelId,
      deviceId: reg.deviceId,
      ssrc: playSsrc(this.s.domain, this.serial++),
      mediaPort,
      state: 'inviting',
      startedMs: nowMs,
      cseq: 1,
      from: `<sip:${this.s.serverId}@${this.s.domain}>;tag=${randomBytes(4).toString('hex')}`,
      peer: reg.peer,
    };
    this.sessions.set(session.callId, session);
    this.metrics.inc('play_invites');
    return new Promise((resolve, reject) => {
      session.settle = (error) => (error === undefined ? resolve(session) : reject(error));
      this.sendInvite(session, reg);
    });
  }

  /** A response to one of our INVITEs or BYEs; false when it belongs to no session. */
  onResponse(m: SipResponse): boolean {
    const session = this.sessions.get(headerOf(m, 'call-id') ?? '');
    if (session === undefined) return false;
    const method = (headerOf(m, 'cseq') ?? '').split(/\s+/)[1]?.toUpperCase();
    if (method === 'BYE') {
      this.end(session);
      return true;
    }
    if (method !== 'INVITE' || session.state === 'ended') return true;
    if (session.state === 'playing') {
      // A retransmitted 200 (UDP: our ACK was lost): acknowledge it again, nothing else.
      if (m.status < 300) this.send(session, 'ACK', session.cseq);
      return true;
    }
    if (m.status < 200) {
      session.state = 'proceeding';
      return true;
    }
    // Every final answer is acknowledged (RFC 3261 §17.1.1.3 for errors, §13.2.2.4 for 2xx).
    session.to = headerOf(m, 'to');
    session.contact = /<([^>]+)>/.exec(headerOf(m, 'contact') ?? '')?.[1];
    this.send(session, 'ACK', session.cseq);
    if (m.status >= 300)
      return this.fail(session, 'DEVICE_REFUSED', `the device answered ${m.status} ${m.reason}`);
    try {
      session.answer = parseSdpAnswer(m.body.toString('utf8'));
    } catch (err) {
      this.bye(session.callId);
      return this.fail(session, 'BAD_ANSWER', err instanceof Error ? err.message : String(err));
    }
    session.state = 'playing';
    this.metrics.inc('play_started');
    session.settle?.();
    return true;
  }

  /** The device hung up (BYE in the dialog); false when it is not one of ours. */
  onBye(m: SipRequest): boolean {
    const session = this.sessions.get(headerOf(m, 'call-id') ?? '');
    if (session === undefined) return false;
    this.metrics.inc('play_bye_by_device');
    this.end(session);
    return true;
  }

  /** We hang up: BYE in the dialog; the session ends at once (its port is free again). */
  bye(callId: string): PlaySession | undefined {
    const session = this.sessions.get(callId);
    if (session === undefined) return undefined;
    if (session.to !== undefined) this.send(session, 'BYE', ++session.cseq);
    this.metrics.inc('play_bye');
    this.end(session);
    return session;
  }

  /** INVITEs with no final answer within the timeout fail (and are forgotten). */
  sweep(nowMs: number): void {
    for (const s of this.sessions.values())
      if (
        (s.state === 'inviting' || s.state === 'proceeding') &&
        nowMs - s.startedMs >= this.s.inviteTimeoutMs
      )
        this.fail(s, 'INVITE_TIMEOUT', `no final answer within ${this.s.inviteTimeoutMs} ms`);
  }

  list(): PlaySession[] {
    return [...this.sessions.values()];
  }

  private fail(s: PlaySession, code: PlayErrorCode, reason: string): true {
    this.metrics.inc(`play_failed_${code.toLowerCase()}`);
    this.end(s);
    s.settle?.(new PlayError(code, reason));
    return true;
  }

  private end(s: PlaySession): void {
    s.state = 'ended';
    this.sessions.delete(s.callId);
    this.usedPorts.delete(s.mediaPort);
  }

  private takePort(): number | undefined {
    // Even ports: RTP on even, RTCP on the odd one above (RFC 3550 §11).
    for (let p = this.s.rtpPorts.min + (this.s.rtpPorts.min % 2); p <= this.s.rtpPorts.max; p += 2)
      if (!this.usedPorts.has(p)) {
        this.usedPorts.add(p);
        return p;
      }
    return undefined;
  }

  private sendInvite(s: PlaySession, reg: Registration): void {
    const body = Buffer.from(
      buildPlayOffer({
        serverId: this.s.serverId,
        mediaIp: this.s.mediaIp,
        mediaPort: s.mediaPort,
        ssrc: s.ssrc,
        transport: this.s.transport,
      }),
    );
    const { address, port } = reg.peer;
    s.peer.send(
      serializeRequest(
        'INVITE',
        `sip:${s.channelId}@${address}:${port}`,
        {
          ...this.dialogHeaders(s, 'INVITE', s.cseq, `<sip:${s.channelId}@${this.s.domain}>`),
          Contact: `<sip:${this.s.serverId}@${this.s.host}:${this.s.sipPort}>`,
          Subject: `${s.channelId}:${s.ssrc},${this.s.serverId}:0`,
          'Content-Type': 'application/sdp',
        },
        body,
      ),
    );
  }

  private send(s: PlaySession, method: 'ACK' | 'BYE', cseq: number): void {
    const target = s.contact ?? `sip:${s.channelId}@${s.peer.address}:${s.peer.port}`;
    s.peer.send(serializeRequest(method, target, this.dialogHeaders(s, method, cseq, s.to ?? '')));
  }

  private dialogHeaders(s: PlaySession, method: string, cseq: number, to: string): Record<string, string> {
    return {
      Via: `SIP/2.0/${s.peer.transport} ${this.s.host}:${this.s.sipPort};rport;branch=z9hG4bK${randomBytes(8).toString('hex')}`,
      From: s.from,
      To: to,
      'Call-ID': s.callId,
      CSeq: `${cseq} ${method}`,
      'Max-Forwards': '70',
    };
  }
}
