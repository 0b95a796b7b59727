import { type Namespace, type Socket } from 'socket.io';
import { type ClientToServerEvents, type ServerToClientEvents } from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';

/** What the handshake middleware leaves on each socket. */
export interface LiveSocketData {
  user: AuthUser;
  /** The client's last shown seq, when it is resuming. */
  lastSeq?: number;
  /** The seqs it has shown within LIVE_RESUME_MARGIN below `lastSeq` (replayed when missing). */
  seen?: readonly number[];
}

export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
export type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
