import { useEffect, useMemo, useRef, useState } from 'react';
import { type Alert, type AlertGroupListResponse, type AlertGroupView } from '@fengqiao/contracts';
import { call } from '../api/call';
import { useLiveAlerts } from './LiveAlerts';
import { overlayGroups, refetchDelay } from './server-groups';

/** Quiet time after a live change before the groups are asked for again, and the longest wait. */
const WAIT_MS = 300;
const MAX_WAIT_MS = 1500;

export interface AlertGroups {
  readonly groups: readonly AlertGroupView[];
  /** Open alerts in scope as the API counted them; undefined until the first answer. */
  readonly openAlerts: number | undefined;
  readonly truncated: boolean;
}

export interface AlertGroupsOptions {
  /** A county or township inside the caller's scope (the wall's county view). */
  readonly region?: string;
  /** Members of each group sent in full. */
  readonly members: number;
  /** The newest version this screen holds of an alert (default: the live book's). */
  readonly latest?: (alertId: string) => Alert | undefined;
}

/**
 * The open alert groups as the API counts them (`GET /api/alerts/groups`: every open alert in scope,
 * not this screen's capped book), asked again after each live change (debounced, at most
 * MAX_WAIT_MS late in a storm), with the newer member versions the screen already holds laid over.
 */
export function useAlertGroups({ region, members, latest }: AlertGroupsOptions): AlertGroups {
  const { book, status } = useLiveAlerts();
  const [answer, setAnswer] = useState<AlertGroupListResponse | undefined>();
  const firstPending = useRef<number | undefined>(undefined);
  const asked = useRef(0);
  // One per mounted screen, made by the effect (a re-mount gets a fresh one, never an aborted one).
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => {
    const c = new AbortController();
    controller.current = c;
    return () => c.abort();
  }, []);

  useEffect(() => {
    if (status !== 'live') return undefined;
    const now = Date.now();
    firstPending.current ??= now;
    const timer = window.setTimeout(
      () => {
        firstPending.current = undefined;
        asked.current += 1;
        const n = asked.current;
        call('alerts.groups.list', { query: { region, members } }, controller.current?.signal)
          .then((r) => {
            if (n === asked.current) setAnswer(r);
          })
          // The next live change asks again; the screen keeps the last answer meanwhile.
          .catch(() => undefined);
      },
      refetchDelay(now, firstPending.current, WAIT_MS, MAX_WAIT_MS),
    );
    return () => window.clearTimeout(timer);
    // Keyed on the book's revision, not its lastSeq: a change below the highest seq seen moves no
    // lastSeq, and its alert then stayed off the groups (wall e2e: an acknowledgement after a
    // reconnect whose replay had reached a higher seq never showed).
  }, [book.revision, status, region, members]);

  const groups = useMemo(
    () => overlayGroups(answer?.items ?? [], latest ?? ((id) => book.alerts.get(id))),
    [answer, book, latest],
  );
  return { groups, openAlerts: answer?.openAlerts, truncated: answer?.truncated ?? false };
}
