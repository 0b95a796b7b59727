import { randomBytes } from 'node:crypto';
import { buildPlayOffer, serializeRequest, serializeResponse, type SipRequest } from '@fengqiao/gb28181';
import { type PlaySession, type PlaySettings } from './play-session';

const branch = (): string => `z9hG4bK${randomBytes(8).toString('hex')}`;

/**
 * The SIP messages of a live-play dialog we originate (RFC 3261 §13-15, GB/T 28181 §9.2): INVITE with
 * the SDP offer, ACK (2xx: a new transaction; an error: the INVITE's own branch), BYE, CANCEL (the
 * INVITE's branch, Call-ID, From, To and CSeq number).
 */
export class PlayDialog {
  constructor(private readonly s: PlaySettings) {}

  offer(s: PlaySession): Buffer {
    return Buffer.from(
      buildPlayOffer({
        serverId: this.s.serverId,
        mediaIp: this.s.mediaIp,
        mediaPort: s.mediaPort,
        ssrc: s.ssrc,
        transport: this.s.transport,
      }),
    );
  }

  invite(s: PlaySession): void {
    const { address, port } = s.peer;
    s.peer.send(
      serializeRequest(
        'INVITE',
        `sip:${s.channelId}@${address}:${port}`,
        {
          ...this.headers(s, 'INVITE', s.cseq, this.requestTo(s), s.inviteBranch),
          Contact: this.contact(),
          Subject: `${s.channelId}:${s.ssrc},${this.s.serverId}:0`,
          'Content-Type': 'application/sdp',
        },
        this.offer(s),
      ),
    );
  }

  /** ACK of a final answer: for a 2xx in the dialog (its To tag, Contact), for an error hop-by-hop. */
  ack(s: PlaySession, success: boolean, to: string): void {
    const target = success ? this.target(s) : `sip:${s.channelId}@${s.peer.address}:${s.peer.port}`;
    const via = success ? branch() : s.inviteBranch;
    s.peer.send(serializeRequest('ACK', target, this.headers(s, 'ACK', 1, to, via)));
  }

  bye(s: PlaySession): void {
    s.peer.send(
      serializeRequest('BYE', this.target(s), this.headers(s, 'BYE', ++s.cseq, s.to ?? '', branch())),
    );
  }

  cancel(s: PlaySession): void {
    const uri = `sip:${s.channelId}@${s.peer.address}:${s.peer.port}`;
    s.peer.send(
      serializeRequest('CANCEL', uri, this.headers(s, 'CANCEL', 1, this.requestTo(s), s.inviteBranch)),
    );
  }

  /** 200 OK to a device's re-INVITE in a playing dialog: the session goes on unchanged (our SDP again). */
  reinviteOk(req: SipRequest, s: PlaySession): Buffer {
    return serializeResponse(
      req,
      200,
      'OK',
      { Contact: this.contact(), 'Content-Type': 'application/sdp' },
      this.offer(s),
    );
  }

  private requestTo(s: PlaySession): string {
    return `<sip:${s.channelId}@${this.s.domain}>`;
  }

  private target(s: PlaySession): string {
    return s.contact ?? `sip:${s.channelId}@${s.peer.address}:${s.peer.port}`;
  }

  private contact(): string {
    return `<sip:${this.s.serverId}@${this.s.host}:${this.s.sipPort}>`;
  }

  private headers(
    s: PlaySession,
    method: string,
    cseq: number,
    to: string,
    via: string,
  ): Record<string, string> {
    return {
      Via: `SIP/2.0/${s.peer.transport} ${this.s.host}:${this.s.sipPort};rport;branch=${via}`,
      From: s.from,
      To: to,
      'Call-ID': s.callId,
      CSeq: `${cseq} ${method}`,
      'Max-Forwards': '70',
    };
  }
}
