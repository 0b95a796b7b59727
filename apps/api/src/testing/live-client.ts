import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  type AlertChanged,
  type AlertsReplayed,
  type AlertsResync,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@fengqiao/contracts';

/** A test client of the live stream that records everything it receives. */
export interface LiveClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly changes: AlertChanged[];
  readonly replays: AlertsReplayed[];
  /** Every `alerts.resync` received, in order. */
  readonly resyncs: AlertsResync[];
  lastSeq(): number | undefined;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Connects (websocket only, no automatic reconnection) and resolves once connected. */
export async function connectLive(
  url: string,
  token: string,
  lastSeq?: number,
  seen?: readonly number[],
): Promise<LiveClient> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${url}${LIVE_NAMESPACE}`, {
    auth:
      lastSeq === undefined ? { token } : seen === undefined ? { token, lastSeq } : { token, lastSeq, seen },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const changes: AlertChanged[] = [];
  const replays: AlertsReplayed[] = [];
  const resyncs: AlertsResync[] = [];
  socket.on('alert.changed', (c) => changes.push(c));
  socket.on('alerts.replayed', (r) => replays.push(r));
  socket.on('alerts.resync', (r) => resyncs.push(r));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return {
    socket,
    changes,
    replays,
    resyncs,
    lastSeq: () => (changes.length === 0 ? lastSeq : Math.max(...changes.map((c) => c.seq))),
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > until)
          throw new Error(`timed out; received seqs ${changes.map((c) => c.seq).join(',')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => {
      socket.disconnect();
    },
  };
}

/** The error a refused handshake gives the client: its `data.code`. */
export async function refusedCode(url: string, auth: Record<string, unknown>): Promise<string> {
  const socket = io(`${url}${LIVE_NAMESPACE}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  try {
    return await new Promise<string>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected, expected a refusal')));
      socket.once('connect_error', (err: Error & { data?: { code?: string } }) =>
        resolve(err.data?.code ?? err.message),
      );
    });
  } finally {
    socket.disconnect();
  }
}
