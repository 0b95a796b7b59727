import { useContext, useEffect, useRef } from 'react';
import { type ServerToClientEvents } from '@fengqiao/contracts';
import { LiveSocketContext } from './LiveAlerts';

type LiveEvent = 'kpis.updated' | 'hotspots.snapshot' | 'hotspots.changed' | 'camera-status.updated';

/**
 * Listens to one event of the page's live socket while mounted; the listener is removed on unmount
 * (STYLE.md §13). The payload is handed over unparsed: each caller parses it with its contract schema.
 */
export function useLiveEvent<E extends LiveEvent>(event: E, onEvent: (payload: unknown) => void): void {
  const socket = useContext(LiveSocketContext);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (socket === null) return undefined;
    const listener = ((payload: unknown) => handler.current(payload)) as ServerToClientEvents[E];
    // socket.io's typed overloads do not narrow over a generic event name; the listener's type is exact.
    (socket.on as (e: E, l: ServerToClientEvents[E]) => void)(event, listener);
    return () => {
      (socket.off as (e: E, l: ServerToClientEvents[E]) => void)(event, listener);
    };
  }, [socket, event]);
}
