import { useCallback, useState } from 'react';
import { type Alert, type RouteInput } from '@fengqiao/contracts';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { useLiveAlerts } from '../live/LiveAlerts';
import { optimisticAlert, requestBody, type DutyCommand } from './commands';

export interface DutyNotice {
  readonly kind: 'conflict' | 'error';
  readonly alertId: string;
  readonly message: string;
}

export interface DutyActions {
  /** Alerts shown ahead of the server's answer (optimistic), by id. */
  readonly pending: ReadonlyMap<string, Alert>;
  readonly notice: DutyNotice | null;
  readonly dismiss: () => void;
  readonly run: (alert: Alert, cmd: DutyCommand) => void;
}

/**
 * Sends a transition at the version the officer saw, showing its result at once. The server's answer
 * replaces the guess; a 409 drops it, reloads the alert and says so (a conflict is never hidden).
 */
export function useDutyActions(): DutyActions {
  const live = useLiveAlerts();
  const [pending, setPending] = useState<ReadonlyMap<string, Alert>>(new Map());
  const [notice, setNotice] = useState<DutyNotice | null>(null);
  const { upsert } = live;

  const settle = useCallback((alertId: string) => {
    setPending((p) => {
      const next = new Map(p);
      next.delete(alertId);
      return next;
    });
  }, []);

  const run = useCallback(
    (alert: Alert, cmd: DutyCommand) => {
      setNotice(null);
      setPending((p) => new Map(p).set(alert.alertId, optimisticAlert(alert, cmd, new Date().toISOString())));
      call(`alerts.${cmd.kind}`, {
        params: { alertId: alert.alertId },
        // The command form builds the body; the API validates it against the route's schema.
        body: requestBody(cmd, alert.version) as RouteInput<`alerts.${DutyCommand['kind']}`>['body'],
      })
        .then((r) => upsert(r.alert))
        .catch((err: unknown) => {
          const e = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'NETWORK', String(err));
          setNotice({
            kind: e.code === 'ALERT_VERSION_CONFLICT' ? 'conflict' : 'error',
            alertId: alert.alertId,
            message: `${e.code}: ${e.message}`,
          });
          return call('alerts.detail', { params: { alertId: alert.alertId } }).then((d) => upsert(d.alert));
        })
        .catch(() => undefined)
        .finally(() => settle(alert.alertId));
    },
    [upsert, settle],
  );

  return { pending, notice, dismiss: () => setNotice(null), run };
}
