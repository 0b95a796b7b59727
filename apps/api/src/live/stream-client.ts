import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  type CameraStatusAggregate,
  type ClientToServerEvents,
  type HotspotsDelta,
  type HotspotsSnapshot,
  type KpiSnapshot,
  type ServerToClientEvents,
} from '@fengqiao/contracts';

/** A test client of the periodic streams; listens before connecting so the welcome is not missed. */
export interface StreamClient {
  readonly kpis: KpiSnapshot[];
  readonly snapshots: HotspotsSnapshot[];
  readonly deltas: HotspotsDelta[];
  readonly cameras: CameraStatusAggregate[];
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function connectStreams(url: string, token: string): Promise<StreamClient> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${url}${LIVE_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
  });
  const client = {
    kpis: [] as KpiSnapshot[],
    snapshots: [] as HotspotsSnapshot[],
    deltas: [] as HotspotsDelta[],
    cameras: [] as CameraStatusAggregate[],
  };
  socket.on('kpis.updated', (s) => client.kpis.push(s));
  socket.on('hotspots.snapshot', (s) => client.snapshots.push(s));
  socket.on('hotspots.changed', (d) => client.deltas.push(d));
  socket.on('camera-status.updated', (c) => client.cameras.push(c));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
    socket.connect();
  });
  return {
    ...client,
    async waitFor(predicate, what, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => {
      socket.disconnect();
    },
  };
}
