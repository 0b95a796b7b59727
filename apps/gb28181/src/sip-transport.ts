import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import {
  Gb28181Error,
  SipIntake,
  SipStreamFramer,
  isUrgentSip,
  parseSipMessage,
  type SipMessage,
} from '@fengqiao/gb28181';
import { type GbMetrics } from './gb-metrics';

/** Where a message came from and how to answer: the packet's source, not its Via/Contact (NAT). */
export interface Peer {
  readonly transport: 'UDP' | 'TCP';
  readonly address: string;
  readonly port: number;
  send(bytes: Buffer): void;
}

export type SipHandler = (message: SipMessage, peer: Peer) => void;

// A device that opens many TCP connections or never sends a full message costs at most this.
const MAX_TCP_CONNECTIONS = 20_000;
const TCP_IDLE_MS = 15 * 60_000;
// Overload control (SipIntake): handle for at most this long, then let the loop read sockets again;
// a backlog beyond this many messages sheds the oldest non-REGISTER ones (~3 KB each at most).
const SLICE_MS = 10;
const MAX_QUEUED = 20_000;

/**
 * SIP over UDP and TCP on one port. Bad bytes are counted by code and dropped (a TCP connection that
 * breaks framing is closed); nothing a peer sends can throw out of here.
 */
export class SipTransport {
  private readonly udp: UdpSocket = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
  private readonly tcp: Server;
  private readonly sockets = new Set<Socket>();
  private readonly intake: SipIntake<{ readonly bytes: Buffer; readonly peer: Peer }>;

  constructor(
    private readonly handler: SipHandler,
    private readonly metrics: GbMetrics,
    private readonly log: (line: string) => void,
  ) {
    this.intake = new SipIntake(({ bytes, peer }) => this.handle(bytes, peer), {
      sliceMs: SLICE_MS,
      maxQueued: MAX_QUEUED,
      now: () => performance.now(),
      schedule: (run) => void setImmediate(run),
    });
    metrics.gauge('intake_queued', () => this.intake.size);
    metrics.gauge('intake_shed', () => this.intake.shed);
    metrics.gauge('intake_longest_wait_ms', () => Math.round(this.intake.longestWaitMs));
    metrics.gauge('intake_longest_urgent_wait_ms', () => Math.round(this.intake.longestUrgentWaitMs));
    this.udp.on('message', (bytes, rinfo) => {
      const peer: Peer = {
        transport: 'UDP',
        address: rinfo.address,
        port: rinfo.port,
        send: (b) => this.udp.send(b, rinfo.port, rinfo.address),
      };
      this.deliver(bytes, peer);
    });
    this.udp.on('error', (err) => this.log(`sip: udp error ${err.message}`));
    this.tcp = createServer((socket) => this.accept(socket));
    this.tcp.on('error', (err) => this.log(`sip: tcp error ${err.message}`));
  }

  async listen(host: string, port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.udp.once('error', reject);
      this.udp.bind(port, host, () => resolve());
    });
    await new Promise<void>((resolve, reject) => {
      this.tcp.once('error', reject);
      this.tcp.listen(port, host, () => resolve());
    });
  }

  /** A UDP peer we write to first (queries to a device registered over UDP). */
  udpPeer(address: string, port: number): Peer {
    return { transport: 'UDP', address, port, send: (b) => this.udp.send(b, port, address) };
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.tcp.close(() => resolve()));
    await new Promise<void>((resolve) => this.udp.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    if (this.sockets.size >= MAX_TCP_CONNECTIONS) {
      this.metrics.inc('tcp_refused_connections');
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.setTimeout(TCP_IDLE_MS, () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const framer = new SipStreamFramer();
    const peer: Peer = {
      transport: 'TCP',
      address: socket.remoteAddress ?? '',
      port: socket.remotePort ?? 0,
      send: (b) => {
        if (!socket.destroyed) socket.write(b);
      },
    };
    socket.on('data', (chunk: Buffer) => {
      let frames: Buffer[];
      try {
        frames = framer.push(chunk);
      } catch (err) {
        this.countBad(err);
        socket.destroy();
        return;
      }
      for (const frame of frames) this.deliver(frame, peer);
    });
  }

  private deliver(bytes: Buffer, peer: Peer): void {
    this.metrics.inc(`received_${peer.transport.toLowerCase()}`);
    this.intake.push({ bytes, peer }, isUrgentSip(bytes));
  }

  private handle(bytes: Buffer, peer: Peer): void {
    try {
      this.handler(parseSipMessage(bytes), peer);
    } catch (err) {
      this.countBad(err);
    }
  }

  private countBad(err: unknown): void {
    if (err instanceof Gb28181Error) {
      this.metrics.inc(`bad_${err.code.toLowerCase()}`);
      return;
    }
    // A defect of ours, not of the input: logged so it is seen, and the process keeps serving.
    this.metrics.inc('handler_errors');
    this.log(`sip: handler error ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
