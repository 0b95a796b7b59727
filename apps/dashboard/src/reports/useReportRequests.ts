import { useCallback, useEffect, useRef, useState } from 'react';
import { type ReportRequest, type ReportRequestStatus } from '@fengqiao/contracts';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { isPending, mergeRequests } from './report-view';

/** While a request is queued or running, its state is fetched this often. */
const POLL_MS = 2_000;

/** Sending went wrong before anything was queued (validation, scope, the per-user limit). */
export interface SendError {
  readonly request: ReportRequest;
  readonly code: string;
  readonly message: string;
}

/**
 * The caller's on-demand requests (GET /api/reports/requests): loaded once, then polled only while
 * one is pending. `onReady` lets the report list reload when a request's report was stored.
 */
export function useReportRequests(onReady: () => void) {
  const [items, setItems] = useState<readonly ReportRequestStatus[]>([]);
  const [sendError, setSendError] = useState<SendError | null>(null);
  const [reused, setReused] = useState<string | null>(null);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;

  const refresh = useCallback(async (signal?: AbortSignal) => {
    const res = await call('reports.requests', {}, signal);
    setItems((old) => {
      const merged = mergeRequests(old, res.items);
      if (merged.becameReady) onReadyRef.current();
      return merged.items;
    });
  }, []);

  const pending = items.some(isPending);
  useEffect(() => {
    const controller = new AbortController();
    const load = (): void => void refresh(controller.signal).catch(() => undefined);
    if (!pending) {
      load();
      return () => controller.abort();
    }
    const timer = window.setInterval(load, POLL_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [pending, refresh]);

  const send = useCallback((request: ReportRequest) => {
    setSendError(null);
    call('reports.request', { body: request })
      .then((status) => {
        setReused(status.reused === true ? status.id : null);
        setItems((old) => mergeRequests(old, [status]).items);
      })
      .catch((err: unknown) => {
        const code = err instanceof ApiRequestError ? err.code : 'NETWORK';
        setSendError({ request, code, message: err instanceof Error ? err.message : String(err) });
      });
  }, []);
  return { items, send, sendError, reused };
}
