import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  type Alert,
  type AlertChanged,
  type ClientToServerEvents,
  type LiveStreamStatus,
  type ServerToClientEvents,
} from '@fengqiao/contracts';
import { call } from '../api/call';
import { refreshSession, validAccessToken } from '../auth/session';
import { applyChange, emptyBook, mergeSnapshot, resync, upsertAlert, type AlertBook } from './alert-book';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'resyncing';

export interface LiveAlerts {
  readonly book: AlertBook;
  readonly status: LiveStatus;
  /** The server's last `live.status` on this connection (degraded while its Kafka is away). */
  readonly server: LiveStreamStatus | undefined;
  /** Puts a newer version of an alert into the book (a transition's answer). */
  readonly upsert: (alert: Alert) => void;
}

type Action =
  | { kind: 'change'; change: AlertChanged }
  | { kind: 'snapshot'; alerts: readonly Alert[] }
  | { kind: 'upsert'; alert: Alert }
  | { kind: 'resynced'; alerts: readonly Alert[]; latestSeq: number };

function reduce(book: AlertBook, action: Action): AlertBook {
  switch (action.kind) {
    case 'change':
      return applyChange(book, action.change);
    case 'snapshot':
      return mergeSnapshot(book, action.alerts);
    case 'upsert':
      return upsertAlert(book, action.alert);
    case 'resynced':
      return resync(book, action.alerts, action.latestSeq);
  }
}

const OPEN_QUERY = { state: 'raised,acknowledged,dispatched,escalated,reopened', limit: 200 };
const RETRY_MS = 3000;

const LiveContext = createContext<LiveAlerts | null>(null);

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** The page's one socket, for the other live streams (KPIs, hotspots, camera status): useLiveEvent. */
export const LiveSocketContext = createContext<LiveSocket | null>(null);

/**
 * One Socket.IO connection per page, shared by every panel. Resumes with `lastSeq` and the seqs
 * shown just below it so the server replays what was missed; the book de-duplicates by alert version, so nothing shows twice.
 */
export function LiveAlertsProvider({ children }: { readonly children: ReactNode }) {
  const [book, dispatch] = useReducer(reduce, undefined, emptyBook);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [server, setServer] = useState<LiveStreamStatus | undefined>(undefined);
  const [liveSocket, setLiveSocket] = useState<LiveSocket | null>(null);
  const lastSeq = useRef(0);
  lastSeq.current = book.lastSeq;
  const recentSeqs = useRef<readonly number[]>([]);
  recentSeqs.current = book.recentSeqs;
  // Bumped by each resynchronisation: a REST list requested before it is older than the book.
  const generation = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    const reload = (): void => {
      const asked = generation.current;
      call('alerts.list', { query: OPEN_QUERY }, controller.signal)
        .then((r) => {
          if (asked === generation.current) dispatch({ kind: 'snapshot', alerts: r.items });
        })
        .catch(() => undefined);
    };
    const socket: LiveSocket = io(LIVE_NAMESPACE, {
      transports: ['websocket'],
      auth: (cb) => {
        void validAccessToken().then((token) =>
          cb(
            lastSeq.current > 0
              ? { token: token ?? '', lastSeq: lastSeq.current, seen: [...recentSeqs.current] }
              : { token: token ?? '' },
          ),
        );
      },
    });
    const retry = bindSocket(socket, { dispatch, setStatus, setServer, reload, generation });
    setLiveSocket(socket);
    return () => {
      setLiveSocket(null);
      controller.abort();
      window.clearTimeout(retry.timer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  const value = useMemo<LiveAlerts>(
    () => ({ book, status, server, upsert: (alert) => dispatch({ kind: 'upsert', alert }) }),
    [book, status, server],
  );
  return (
    <LiveContext.Provider value={value}>
      <LiveSocketContext.Provider value={liveSocket}>{children}</LiveSocketContext.Provider>
    </LiveContext.Provider>
  );
}

interface Handlers {
  readonly dispatch: (a: Action) => void;
  readonly setStatus: (s: LiveStatus) => void;
  readonly setServer: (s: LiveStreamStatus | undefined) => void;
  readonly reload: () => void;
  readonly generation: { current: number };
}

/** Wires the socket's events; returns the retry timer holder so the caller can clear it. */
function bindSocket(socket: LiveSocket, h: Handlers): { timer: number } {
  const retry = { timer: 0 };
  // A refused handshake or a server-side close does not reconnect by itself: refresh, then retry.
  const reconnectLater = (): void => {
    h.setStatus('reconnecting');
    window.clearTimeout(retry.timer);
    retry.timer = window.setTimeout(() => {
      void refreshSession().then(() => socket.connect());
    }, RETRY_MS);
  };
  socket.on('connect', () => {
    h.setStatus('live');
    // The snapshot is merged by version, so loading it on every (re)connect is safe and closes gaps.
    h.reload();
  });
  socket.on('disconnect', (reason) => {
    // The next server tells its own status on connection; an old one must not linger.
    h.setServer(undefined);
    if (reason === 'io server disconnect') reconnectLater();
    else h.setStatus('reconnecting');
  });
  socket.on('connect_error', () => {
    if (!socket.active) reconnectLater();
    else h.setStatus('reconnecting');
  });
  socket.on('alert.changed', (change) => h.dispatch({ kind: 'change', change }));
  // The replay could not cover the gap: the server's snapshot replaces the book (resolved alerts
  // leave the screen), and its replay of what followed comes next on the socket.
  socket.on('alerts.resync', (notice) => {
    h.setStatus('resyncing');
    h.generation.current += 1;
    h.dispatch({ kind: 'resynced', alerts: notice.alerts, latestSeq: notice.latestSeq });
    h.setStatus('live');
  });
  socket.on('session.expired', reconnectLater);
  socket.on('live.status', (s) => h.setServer(s));
  return retry;
}

export function useLiveAlerts(): LiveAlerts {
  const live = useContext(LiveContext);
  if (live === null) throw new Error('useLiveAlerts outside LiveAlertsProvider');
  return live;
}
