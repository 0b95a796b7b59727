// The device's media sender for live play (GB/T 28181 §9.2, Annex C; RFC 3550; RFC 4571 over TCP):
// an H.264 test pattern from ffmpeg, muxed into PS one pack per frame (sim-ps-mux.ts), cut into RTP
// packets: 12-byte header, payload type 96, the SSRC of the SDP's y= line, 90 kHz timestamps, the
// marker on the last packet of a frame. Written from the standards, not from Fengqiao's receiver.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, type Socket as TcpSocket } from 'node:net';
import { AccessUnitSplitter, nalTypes, psPackOf } from './sim-ps-mux';

const MAX_PAYLOAD = 1400; // under a 1500-byte MTU with IP/UDP/RTP headers
const FPS = 25;

export interface RtpTarget {
  readonly ip: string;
  readonly port: number;
  readonly ssrc: number;
  /** `RTP/AVP` (UDP) or `TCP/RTP/AVP` (the device connects to the offered port: setup passive on our side). */
  readonly transport: string;
}

export class RtpPsSender {
  private readonly ffmpeg: ChildProcess;
  private udp?: UdpSocket;
  private tcp?: TcpSocket;
  private seq = Math.floor(Math.random() * 65_536);
  private frames = 0;
  packets = 0;

  constructor(private readonly target: RtpTarget) {
    if (target.transport.toUpperCase().startsWith('TCP')) {
      this.tcp = connect(target.port, target.ip);
      this.tcp.on('error', () => undefined);
    } else this.udp = createSocket('udp4');
    this.ffmpeg = spawn(
      'ffmpeg',
      [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
        ...['-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=${FPS}`],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', String(FPS)],
        ...['-bsf:v', 'h264_metadata=aud=insert', '-f', 'h264', 'pipe:1'],
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const splitter = new AccessUnitSplitter();
    this.ffmpeg.stdout?.on('data', (chunk: Buffer) => {
      for (const unit of splitter.push(chunk)) this.sendFrame(unit);
    });
  }

  private sendFrame(unit: Buffer): void {
    const pts = (this.frames++ * 90_000) / FPS + 90_000;
    const pack = psPackOf(unit, pts, nalTypes(unit).includes(5));
    for (let at = 0; at < pack.length; at += MAX_PAYLOAD) {
      const payload = pack.subarray(at, at + MAX_PAYLOAD);
      const last = at + MAX_PAYLOAD >= pack.length;
      const header = Buffer.alloc(12);
      header[0] = 0x80; // V=2, no padding, no extension, no CSRC
      header[1] = (last ? 0x80 : 0) | 96;
      header.writeUInt16BE(this.seq, 2);
      header.writeUInt32BE(pts % 2 ** 32, 4);
      header.writeUInt32BE(this.target.ssrc >>> 0, 8);
      this.seq = (this.seq + 1) % 65_536;
      this.send(Buffer.concat([header, payload]));
    }
  }

  private send(packet: Buffer): void {
    if (this.stopped) return;
    this.packets++;
    if (this.udp !== undefined) {
      this.udp.send(packet, this.target.port, this.target.ip);
      return;
    }
    const len = Buffer.alloc(2);
    len.writeUInt16BE(packet.length);
    this.tcp?.write(Buffer.concat([len, packet]));
  }

  private stopped = false;

  /** Idempotent: a stream stopped by a test and then hung up is stopped twice. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.ffmpeg.kill('SIGKILL');
    this.udp?.close();
    this.tcp?.destroy();
  }
}
