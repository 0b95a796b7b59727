import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  LIVE_RESUME_MARGIN,
  type AlertChanged,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@fengqiao/contracts';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One alert change as the wall received it. */
export interface Received {
  readonly seq: number;
  readonly alertId: string;
  readonly version: number;
  readonly change: string;
}

/**
 * A wall display as the dashboard runs it: websocket to one API instance, and on any disconnect a
 * reconnection (to whichever instance answers) resuming from the highest seq it has shown and the
 * seqs it has shown just below it.
 */
export class WallClient {
  readonly received: Received[] = [];
  readonly latest = new Map<string, AlertChanged>();
  resyncs = 0;
  reconnects = 0;
  /** When the wall connected to (or lost) which API, for explaining a missed change. */
  readonly connections: string[] = [];
  private socket: LiveSocket | undefined;
  private closed = false;
  private next = 0;

  constructor(
    private readonly urls: () => readonly string[],
    private readonly token: () => Promise<string>,
  ) {}

  lastSeq(): number | undefined {
    let max: number | undefined;
    for (const r of this.received) max = max === undefined || r.seq > max ? r.seq : max;
    return max;
  }

  async connect(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const urls = this.urls();
      const url = urls[this.next++ % Math.max(1, urls.length)];
      if (url !== undefined && (await this.tryConnect(url))) return;
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  close(): void {
    this.closed = true;
    this.socket?.disconnect();
  }

  connected(): boolean {
    return this.socket?.connected === true;
  }

  /** The seqs shown within the resume margin below `lastSeq` (what the dashboard sends back too). */
  private seenNear(lastSeq: number): number[] {
    const seen = new Set<number>();
    for (const r of this.received) if (r.seq > lastSeq - LIVE_RESUME_MARGIN) seen.add(r.seq);
    return [...seen].sort((a, b) => a - b);
  }

  private async tryConnect(url: string): Promise<boolean> {
    const lastSeq = this.lastSeq();
    const token = await this.token().catch(() => undefined);
    if (token === undefined) return false;
    const socket: LiveSocket = io(`${url}${LIVE_NAMESPACE}`, {
      auth: lastSeq === undefined ? { token } : { token, lastSeq, seen: this.seenNear(lastSeq) },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 3000,
    });
    socket.on('alert.changed', (c) => {
      this.received.push({
        seq: c.seq,
        alertId: c.alert.alertId,
        version: c.alert.version,
        change: c.change,
      });
      this.latest.set(c.alert.alertId, c);
    });
    socket.on('alerts.resync', () => {
      this.resyncs += 1;
    });
    const ok = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('connect_error', () => resolve(false));
    });
    if (!ok) {
      socket.disconnect();
      return false;
    }
    this.socket = socket;
    this.connections.push(`${new Date().toISOString()} connected to ${url} after seq ${lastSeq ?? '-'}`);
    socket.once('disconnect', () => {
      if (this.closed) return;
      this.connections.push(`${new Date().toISOString()} lost ${url}`);
      this.reconnects += 1;
      void this.connect();
    });
    return true;
  }
}
