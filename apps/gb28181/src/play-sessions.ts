import { randomBytes } from 'node:crypto';
import {
  headerOf,
  parseSdpAnswer,
  playSsrc,
  serializeResponse,
  type SipRequest,
  type SipResponse,
} from '@fengqiao/gb28181';
import { type GbMetrics } from './gb-metrics';
import { type MediaReceivers } from './media/media-receivers';
import { PlayDialog } from './play-dialog';
import { PlayError, type PlayErrorCode, type PlaySession, type PlaySettings } from './play-session';
import { type Registrations } from './registrations';
import { type Peer } from './sip-transport';

/** RFC 3261 Timer B/F: how long a late answer to an INVITE we gave up on may still come. */
const ABANDONED_KEEP_MS = 32_000;

interface Abandoned {
  readonly session: PlaySession;
  /** CANCEL sent (only after a provisional answer, RFC 3261 §9.1). */
  cancelled: boolean;
  readonly untilMs: number;
}

/**
 * Live play (GB/T 28181 §9.2): the RTP receiver opened first (its port goes in the offer), INVITE,
 * 100 Trying / 200 OK with the device's SDP, ACK, BYE; CANCEL of an INVITE given up on (timeout or
 * hang-up before the answer), with a late 200 ACKed and hung up; a device's re-INVITE answered with
 * the unchanged session. One session per channel: a second play of it joins the first.
 */
export class PlaySessions {
  private readonly sessions = new Map<string, PlaySession>();
  private readonly inflight = new Map<string, Promise<PlaySession>>();
  private readonly abandoned = new Map<string, Abandoned>();
  private readonly dialog: PlayDialog;
  private serial = 1;

  constructor(
    private readonly s: PlaySettings,
    private readonly registrations: Registrations,
    private readonly metrics: GbMetrics,
    private readonly media: MediaReceivers,
    private readonly now: () => number = Date.now,
  ) {
    this.dialog = new PlayDialog(s);
  }

  /** Resolves once the device answered 200 and we sent the ACK (its RTP then flows to the receiver). */
  invite(channelId: string): Promise<PlaySession> {
    const joined = this.inflight.get(channelId) ?? this.list().find((x) => x.channelId === channelId);
    if (joined !== undefined) {
      this.metrics.inc('play_joined');
      return Promise.resolve(joined);
    }
    const started = this.start(channelId).finally(() => this.inflight.delete(channelId));
    this.inflight.set(channelId, started);
    return started;
  }

  private async start(channelId: string): Promise<PlaySession> {
    const reg = this.registrations.ownerOf(channelId, this.now());
    if (reg === undefined)
      throw new PlayError('NOT_REGISTERED', `no registered device has channel ${channelId}`);
    const ssrc = playSsrc(this.s.domain, this.serial++);
    const receiver = await this.media.open(channelId, ssrc);
    if (receiver === undefined) throw new PlayError('NO_MEDIA_PORT', 'every RTP port of the range is in use');
    const session: PlaySession = {
      callId: randomBytes(12).toString('hex'),
      channelId,
      deviceId: reg.deviceId,
      ssrc,
      mediaPort: receiver.spec.port,
      receiver,
      state: 'inviting',
      startedMs: this.now(),
      cseq: 1,
      from: `<sip:${this.s.serverId}@${this.s.domain}>;tag=${randomBytes(4).toString('hex')}`,
      peer: reg.peer,
      inviteBranch: `z9hG4bK${randomBytes(8).toString('hex')}`,
    };
    receiver.onExit = (why) => this.mediaFailed(session, why);
    this.sessions.set(session.callId, session);
    this.metrics.inc('play_invites');
    return new Promise((resolve, reject) => {
      session.settle = (error) => (error === undefined ? resolve(session) : reject(error));
      this.dialog.invite(session);
    });
  }

  /** A response to one of our INVITEs, CANCELs or BYEs; false when it belongs to no session of ours. */
  onResponse(m: SipResponse): boolean {
    const callId = headerOf(m, 'call-id') ?? '';
    const method = (headerOf(m, 'cseq') ?? '').split(/\s+/)[1]?.toUpperCase();
    const gone = this.abandoned.get(callId);
    if (gone !== undefined) return this.onAbandonedResponse(gone, m, method);
    const session = this.sessions.get(callId);
    if (session === undefined) return false;
    if (method === 'BYE') return true;
    if (method !== 'INVITE' || session.state === 'ended') return true;
    if (session.state === 'playing') {
      // A retransmitted 200 (UDP: our ACK was lost): acknowledge it again, nothing else.
      if (m.status < 300) this.dialog.ack(session, true, session.to ?? '');
      return true;
    }
    if (m.status < 200) {
      session.state = 'proceeding';
      return true;
    }
    // Every final answer is acknowledged (RFC 3261 §17.1.1.3 for errors, §13.2.2.4 for 2xx).
    session.to = headerOf(m, 'to');
    session.contact = /<([^>]+)>/.exec(headerOf(m, 'contact') ?? '')?.[1];
    this.dialog.ack(session, m.status < 300, session.to ?? '');
    if (m.status >= 300)
      return this.fail(session, 'DEVICE_REFUSED', `the device answered ${m.status} ${m.reason}`);
    try {
      session.answer = parseSdpAnswer(m.body.toString('utf8'));
    } catch (err) {
      this.dialog.bye(session);
      return this.fail(session, 'BAD_ANSWER', err instanceof Error ? err.message : String(err));
    }
    session.state = 'playing';
    session.playingSinceMs = this.now();
    this.metrics.inc('play_started');
    session.settle?.();
    return true;
  }

  /** An INVITE given up on: CANCEL once it is proceeding; a final answer ACKed, a 2xx also hung up. */
  private onAbandonedResponse(a: Abandoned, m: SipResponse, method: string | undefined): true {
    if (method !== 'INVITE') return true;
    if (m.status < 200) {
      if (!a.cancelled) this.sendCancel(a);
      return true;
    }
    this.dialog.ack(a.session, m.status < 300, headerOf(m, 'to') ?? '');
    if (m.status < 300) {
      a.session.to = headerOf(m, 'to');
      a.session.contact = /<([^>]+)>/.exec(headerOf(m, 'contact') ?? '')?.[1];
      this.dialog.bye(a.session);
      this.metrics.inc('play_late_answer_hung_up');
    } else this.metrics.inc(`play_cancel_answered_${m.status}`);
    this.abandoned.delete(a.session.callId);
    return true;
  }

  /** The device hung up (BYE in the dialog); false when it is not one of ours. */
  onBye(m: SipRequest): boolean {
    const session = this.sessions.get(headerOf(m, 'call-id') ?? '');
    if (session === undefined) return false;
    this.metrics.inc('play_bye_by_device');
    void this.end(session);
    return true;
  }

  /**
   * An INVITE from a device. In a playing dialog (a session refresh, RFC 4028) the session goes on
   * unchanged, unless the device's offer names another SSRC (488: the receiver cannot follow, the
   * session stays as it was, RFC 3261 §14.2). Outside our dialogs: 481 with a To tag, else 488 (we
   * take no calls from devices).
   */
  onInvite(m: SipRequest, peer: Peer): void {
    const session = this.sessions.get(headerOf(m, 'call-id') ?? '');
    const offeredSsrc = /^y=(\d{10})\s*$/m.exec(m.body.toString('utf8'))?.[1];
    if (session !== undefined && session.state === 'playing') {
      if (offeredSsrc === undefined || offeredSsrc === session.ssrc || offeredSsrc === session.answer?.ssrc) {
        this.metrics.inc('play_reinvite_ok');
        return peer.send(this.dialog.reinviteOk(m, session));
      }
      this.metrics.inc('play_reinvite_refused');
      return peer.send(
        serializeResponse(m, 488, 'Not Acceptable Here', { Warning: '304 Fengqiao "SSRC change"' }),
      );
    }
    const inDialog = /;\s*tag=/i.test(headerOf(m, 'to') ?? '');
    this.metrics.inc(inDialog ? 'play_reinvite_unknown' : 'play_invite_refused');
    peer.send(
      inDialog
        ? serializeResponse(m, 481, 'Call/Transaction Does Not Exist')
        : serializeResponse(m, 488, 'Not Acceptable Here'),
    );
  }

  /** Hang-up asked for: BYE when playing, CANCEL while the INVITE is pending; resolves once the port is free. */
  async hangUp(callId: string): Promise<PlaySession | undefined> {
    const session = this.sessions.get(callId);
    if (session === undefined) return undefined;
    if (session.state === 'playing') {
      this.dialog.bye(session);
      this.metrics.inc('play_bye');
      await this.end(session);
    } else await this.giveUp(session, 'CANCELLED', 'hung up before the device answered');
    return session;
  }

  /** Pending INVITEs past the timeout are cancelled; playing sessions without RTP past its timeout hung up. */
  sweep(nowMs: number): void {
    for (const [id, a] of this.abandoned) if (nowMs >= a.untilMs) this.abandoned.delete(id);
    for (const s of this.sessions.values()) {
      if (
        (s.state === 'inviting' || s.state === 'proceeding') &&
        nowMs - s.startedMs >= this.s.inviteTimeoutMs
      )
        void this.giveUp(s, 'INVITE_TIMEOUT', `no final answer within ${this.s.inviteTimeoutMs} ms`);
      const heard = s.receiver.lastPacketMs ?? s.playingSinceMs ?? nowMs;
      if (s.state === 'playing' && nowMs - heard >= this.s.rtpTimeoutMs) {
        this.metrics.inc('play_rtp_timeout');
        this.dialog.bye(s);
        void this.end(s);
      }
    }
  }

  list(): PlaySession[] {
    return [...this.sessions.values()];
  }

  get pendingAbandoned(): number {
    return this.abandoned.size;
  }

  /** Closes every receiver (the service stops); the devices get BYE. */
  async stop(): Promise<void> {
    for (const s of this.list()) if (s.state === 'playing') this.dialog.bye(s);
    await Promise.all(this.list().map((s) => this.end(s)));
  }

  private async giveUp(s: PlaySession, code: PlayErrorCode, reason: string): Promise<void> {
    const a: Abandoned = { session: s, cancelled: false, untilMs: this.now() + ABANDONED_KEEP_MS };
    this.abandoned.set(s.callId, a);
    if (s.state === 'proceeding') this.sendCancel(a);
    this.fail(s, code, reason);
    await this.media.close(s.receiver);
  }

  private sendCancel(a: Abandoned): void {
    a.cancelled = true;
    this.metrics.inc('play_cancel_sent');
    this.dialog.cancel(a.session);
  }

  private mediaFailed(s: PlaySession, why: string): void {
    if (s.state === 'ended') return;
    this.metrics.inc('play_media_exited');
    if (s.state === 'playing') {
      this.dialog.bye(s);
      void this.end(s);
    } else void this.giveUp(s, 'MEDIA_FAILED', why);
  }

  private fail(s: PlaySession, code: PlayErrorCode, reason: string): true {
    this.metrics.inc(`play_failed_${code.toLowerCase()}`);
    void this.end(s);
    s.settle?.(new PlayError(code, reason));
    return true;
  }

  private async end(s: PlaySession): Promise<void> {
    s.state = 'ended';
    this.sessions.delete(s.callId);
    await this.media.close(s.receiver);
  }
}
