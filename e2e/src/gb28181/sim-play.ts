// Live play from the device side (GB/T 28181 §9.2, RFC 3261 §9, §13-15): INVITE → 100 Trying, then
// 200 OK with our SDP (sendonly, PS/90000, the offer's y=); ACK starts the RTP/PS stream to the
// offer's address; BYE stops it. A CANCEL of a pending INVITE gets 200 and the INVITE 487. For tests
// a channel can answer late (and ignore CANCEL), and a device can re-INVITE its dialog. Written from
// the standards, not from Fengqiao's server code.
import { RtpPsSender } from './sim-rtp-sender';
import { token, writeWire, type WireMessage } from './sim-wire';

export interface PlayIo {
  send(bytes: Buffer): void;
  /** Sends a request and waits for its final answer (retransmitting over UDP). */
  request(key: string, bytes: Buffer): Promise<WireMessage | undefined>;
  localPort(): number;
  report(line: Record<string, unknown>): void;
}

interface Call {
  readonly invite: WireMessage;
  readonly channelId: string;
  readonly tag: string;
  readonly offer: { ip: string; port: number; transport: string; ssrc: string };
  /** Test mode: this call answers late and does not honour CANCEL. */
  readonly ignoreCancel: boolean;
  final?: number;
  sender?: RtpPsSender;
}

interface Delay {
  readonly ms: number;
  readonly ignoreCancel: boolean;
}

const line = (sdp: string, prefix: string): string =>
  sdp
    .split(/\r?\n/)
    .find((l) => l.startsWith(prefix))
    ?.slice(prefix.length) ?? '';

export class DevicePlay {
  private readonly calls = new Map<string, Call>();
  private readonly delays = new Map<string, Delay>();

  constructor(private readonly io: PlayIo) {}

  /** Answers this channel's next INVITE only after `ms` (100 Trying at once); optionally ignores CANCEL. */
  delayAnswer(channelId: string, ms: number, ignoreCancel: boolean): void {
    this.delays.set(channelId, { ms, ignoreCancel });
  }

  handle(method: string, channelId: string, m: WireMessage): void {
    const callId = m.headers.get('call-id') ?? '';
    const call = this.calls.get(callId);
    if (method === 'INVITE') return this.onInvite(channelId, callId, m);
    if (method === 'CANCEL') return this.onCancel(callId, call, m);
    if (method === 'ACK') {
      this.io.report({ event: 'acked', callId, channel: channelId, final: call?.final });
      if (call !== undefined && call.final === 200 && call.sender === undefined)
        call.sender = new RtpPsSender({ ...call.offer, ssrc: Number(call.offer.ssrc) });
      return;
    }
    if (method === 'BYE') {
      call?.sender?.stop();
      this.calls.delete(callId);
      this.reply(m, '200 OK', call?.tag ?? token(4));
      this.io.report({ event: 'bye', callId, channel: channelId, rtpPackets: call?.sender?.packets ?? 0 });
    }
  }

  /** The camera's stream dies while the dialog stays (no BYE): the server must notice the silence. */
  stopMedia(callId: string): void {
    const sender = this.calls.get(callId)?.sender;
    sender?.stop();
    this.io.report({ event: 'media-stopped', callId, rtpPackets: sender?.packets ?? 0 });
  }

  /** The device re-INVITEs a playing dialog (a session refresh), offering `ssrc`; reports the final status. */
  async reinvite(callId: string, ssrc: string | undefined): Promise<void> {
    const call = this.calls.get(callId);
    if (call === undefined) return this.io.report({ event: 'reinvited', callId, status: 0 });
    const serverContact = /<([^>]+)>/.exec(call.invite.headers.get('contact') ?? '')?.[1] ?? '';
    const port = this.io.localPort();
    const headers: [string, string][] = [
      ['Via', `SIP/2.0/UDP 127.0.0.1:${port};rport;branch=z9hG4bK${token(6)}`],
      ['From', `${call.invite.headers.get('to') ?? ''};tag=${call.tag}`],
      ['To', call.invite.headers.get('from') ?? ''],
      ['Call-ID', callId],
      ['CSeq', '20 INVITE'],
      ['Contact', `<sip:${call.channelId}@127.0.0.1:${port}>`],
      ['Content-Type', 'APPLICATION/SDP'],
    ];
    const answer = await this.io.request(
      `${callId}/20`,
      writeWire(`INVITE ${serverContact} SIP/2.0`, headers, this.sdp(call, ssrc ?? call.offer.ssrc)),
    );
    const status = Number(/^SIP\/2\.0 (\d{3})/.exec(answer?.startLine ?? '')?.[1] ?? '0');
    if (status >= 200 && status < 300) {
      const ack: [string, string][] = headers.map(([k, v]) =>
        k === 'CSeq' ? [k, '20 ACK'] : k === 'To' ? [k, answer?.headers.get('to') ?? v] : [k, v],
      );
      this.io.send(writeWire(`ACK ${serverContact} SIP/2.0`, ack.slice(0, 6)));
    }
    this.io.report({ event: 'reinvited', callId, status, ssrc: line(answer?.body.toString() ?? '', 'y=') });
  }

  private onInvite(channelId: string, callId: string, m: WireMessage): void {
    const offer = m.body.toString('utf8');
    const [, port, transport] = /^video (\d+) (\S+)/.exec(line(offer, 'm=')) ?? [];
    const delay = this.delays.get(channelId);
    this.delays.delete(channelId);
    const call: Call = {
      invite: m,
      channelId,
      tag: token(4),
      ignoreCancel: delay?.ignoreCancel === true,
      offer: {
        ip: line(offer, 'c=').replace('IN IP4 ', ''),
        port: Number(port),
        transport: transport ?? 'RTP/AVP',
        ssrc: line(offer, 'y='),
      },
    };
    this.calls.set(callId, call);
    this.reply(m, '100 Trying', call.tag);
    this.io.report({
      event: 'invited',
      callId,
      channel: channelId,
      subject: m.headers.get('subject') ?? '',
      mediaIp: call.offer.ip,
      mediaPort: call.offer.port,
      transport: call.offer.transport,
      ssrc: call.offer.ssrc,
      session: line(offer, 's='),
      recvonly: offer.includes('a=recvonly'),
      ps: /a=rtpmap:96 PS\/90000/.test(offer),
    });
    if (delay === undefined) return this.answer(call);
    setTimeout(() => {
      if (call.final === undefined) this.answer(call);
    }, delay.ms);
  }

  private onCancel(callId: string, call: Call | undefined, m: WireMessage): void {
    // The CANCEL is its own transaction: 200 OK to it, whatever happens to the INVITE (RFC 3261 §9.2).
    this.reply(m, '200 OK', call?.tag ?? token(4));
    const ignores = call?.ignoreCancel === true;
    this.io.report({ event: 'cancelled', callId, pending: call?.final === undefined, ignored: ignores });
    if (call === undefined || call.final !== undefined || ignores) return;
    call.final = 487;
    this.reply(call.invite, '487 Request Terminated', call.tag);
  }

  private answer(call: Call): void {
    call.final = 200;
    this.reply(
      call.invite,
      '200 OK',
      call.tag,
      [
        ['Contact', `<sip:${call.channelId}@127.0.0.1:${this.io.localPort()}>`],
        ['Content-Type', 'APPLICATION/SDP'],
      ],
      this.sdp(call, call.offer.ssrc),
    );
    this.io.report({ event: 'answered', callId: call.invite.headers.get('call-id') ?? '' });
  }

  private sdp(call: Call, ssrc: string): Buffer {
    return Buffer.from(
      [
        'v=0',
        `o=${call.channelId} 0 0 IN IP4 127.0.0.1`,
        's=Play',
        'c=IN IP4 127.0.0.1',
        't=0 0',
        `m=video ${this.io.localPort() + 2} ${call.offer.transport} 96`,
        'a=sendonly',
        'a=rtpmap:96 PS/90000',
        `y=${ssrc}`,
        'f=',
        '',
      ].join('\r\n'),
    );
  }

  private reply(
    m: WireMessage,
    status: string,
    tag: string,
    extra: [string, string][] = [],
    body?: Buffer,
  ): void {
    const to = m.headers.get('to') ?? '';
    this.io.send(
      writeWire(
        `SIP/2.0 ${status}`,
        [
          ['Via', m.headers.get('via') ?? ''],
          ['From', m.headers.get('from') ?? ''],
          ['To', status.startsWith('100') || /;tag=/.test(to) ? to : `${to};tag=${tag}`],
          ['Call-ID', m.headers.get('call-id') ?? ''],
          ['CSeq', m.headers.get('cseq') ?? ''],
          ...extra,
        ],
        body,
      ),
    );
  }

  stopAll(): void {
    for (const c of this.calls.values()) c.sender?.stop();
  }
}
