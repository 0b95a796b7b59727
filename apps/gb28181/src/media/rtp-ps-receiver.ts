import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import { Rfc4571Framer, RtpReorder, parseRtpPacket } from '@fengqiao/gb28181';
import { type GbMetrics } from '../gb-metrics';

export interface ReceiverSpec {
  readonly channelId: string;
  /** The SSRC of the offer's y= line (10 decimal digits). */
  readonly ssrc: string;
  readonly ip: string;
  readonly port: number;
  readonly transport: 'udp' | 'tcp-passive';
  /** ffmpeg's arguments (PS on stdin → RTMP). */
  readonly ffmpegArgs: readonly string[];
}

/**
 * One played channel's media: the RTP port (UDP, or TCP passive with RFC 4571 framing), RTP checked
 * and put in order, the payloads (the device's MPEG-PS) piped into one ffmpeg that publishes to the
 * media service. Packets of another SSRC are dropped and counted.
 */
export class RtpPsReceiver {
  private udp?: UdpSocket;
  private tcp?: Server;
  private readonly conns = new Set<TcpSocket>();
  private ffmpeg?: ChildProcess;
  private readonly reorder = new RtpReorder();
  private readonly ssrc: number;
  private closing: Promise<void> | undefined;
  /** RTP packets of the expected SSRC received. */
  packets = 0;
  /** When the last RTP packet came (ms); undefined before the first. */
  lastPacketMs: number | undefined;
  onExit: (reason: string) => void = () => undefined;

  constructor(
    readonly spec: ReceiverSpec,
    private readonly metrics: GbMetrics,
  ) {
    this.ssrc = Number(spec.ssrc);
  }

  /** Binds the port; rejects (EADDRINUSE) when something else holds it. */
  async open(): Promise<void> {
    if (this.spec.transport === 'udp') {
      const udp = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
      await new Promise<void>((resolve, reject) => {
        udp.once('error', reject);
        udp.bind(this.spec.port, this.spec.ip, () => {
          udp.off('error', reject);
          resolve();
        });
      });
      udp.on('message', (b) => this.packet(b));
      udp.on('error', () => this.metrics.inc('rtp_socket_errors'));
      this.udp = udp;
    } else {
      const tcp = createServer((conn) => this.accept(conn));
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(this.spec.port, this.spec.ip, () => resolve());
      });
      this.tcp = tcp;
    }
    this.startFfmpeg();
  }

  private accept(conn: TcpSocket): void {
    this.conns.add(conn);
    const framer = new Rfc4571Framer();
    conn.on('data', (chunk: Buffer) => {
      for (const p of framer.push(chunk)) this.packet(p);
    });
    conn.on('error', () => this.metrics.inc('rtp_socket_errors'));
    conn.on('close', () => this.conns.delete(conn));
  }

  private startFfmpeg(): void {
    // Its own process group: a stop reaches it whatever it forked.
    const child = spawn('ffmpeg', [...this.spec.ffmpegArgs], {
      detached: true,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-400)));
    child.stdin?.on('error', () => undefined); // EPIPE once ffmpeg is gone; its exit says why
    child.once('exit', (code) => {
      if (this.closing === undefined) this.onExit(`ffmpeg exited (${code}) ${stderr.trim()}`);
    });
    this.ffmpeg = child;
  }

  private packet(bytes: Buffer): void {
    let p;
    try {
      p = parseRtpPacket(bytes);
    } catch {
      this.metrics.inc('rtp_invalid');
      return;
    }
    if (p.ssrc !== this.ssrc) {
      this.metrics.inc('rtp_ssrc_mismatch');
      return;
    }
    this.lastPacketMs = Date.now();
    this.packets++;
    this.metrics.inc('rtp_packets');
    const lost = this.reorder.counts.lost;
    for (const q of this.reorder.push(p)) {
      this.metrics.inc('rtp_payload_bytes', q.payload.length);
      this.ffmpeg?.stdin?.write(q.payload);
    }
    if (this.reorder.counts.lost > lost) this.metrics.inc('rtp_lost', this.reorder.counts.lost - lost);
  }

  get pid(): number | undefined {
    return this.ffmpeg?.pid;
  }

  /** Closes the port and stops ffmpeg (its whole group); resolves once both are gone (every caller). */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    for (const c of this.conns) c.destroy();
    const sockets = [
      this.udp === undefined ? undefined : new Promise<void>((r) => this.udp?.close(() => r())),
      this.tcp === undefined ? undefined : new Promise<void>((r) => this.tcp?.close(() => r())),
    ];
    await Promise.all([...sockets, this.ffmpeg === undefined ? undefined : stopGroup(this.ffmpeg)]);
  }
}

/** End of input first (ffmpeg flushes and leaves the RTMP session cleanly), SIGKILL to the group after 2 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null;
  const done = exited ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
  child.stdin?.end();
  const kill = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: already gone
    }
  };
  const term = setTimeout(() => kill('SIGTERM'), 1000);
  const hard = setTimeout(() => kill('SIGKILL'), 2000);
  await done;
  clearTimeout(term);
  clearTimeout(hard);
  kill('SIGKILL');
}
