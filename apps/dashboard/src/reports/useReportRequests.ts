import { useCallback, useState } from 'react';
import { reportMetadataSchema, type ReportMetadata, type ReportRequest } from '@fengqiao/contracts';
import { ApiRequestError, apiPost } from '../api/http';

/** One on-demand request as the page shows it: generating, then the report or the error code. */
export interface RequestStatus {
  readonly key: number;
  readonly request: ReportRequest;
  readonly state: 'generating' | 'done' | 'failed';
  readonly startedAt: number;
  readonly finishedAt?: number;
  readonly report?: ReportMetadata;
  readonly error?: string;
}

/** At most this many requests are listed; older ones drop off (the list has the reports). */
const KEEP = 5;

/** Sends on-demand requests and keeps their states; `onDone` lets the list reload. */
export function useReportRequests(onDone: () => void) {
  const [items, setItems] = useState<readonly RequestStatus[]>([]);
  const update = useCallback((key: number, patch: Partial<RequestStatus>) => {
    setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  }, []);

  const send = useCallback(
    (request: ReportRequest) => {
      const key = Date.now() + Math.random();
      setItems((xs) =>
        [{ key, request, state: 'generating' as const, startedAt: Date.now() }, ...xs].slice(0, KEEP),
      );
      apiPost('/api/reports', request, reportMetadataSchema)
        .then((report) => {
          update(key, { state: 'done', report, finishedAt: Date.now() });
          onDone();
        })
        .catch((err: unknown) => {
          const error = err instanceof ApiRequestError ? `${err.code}: ${err.message}` : String(err);
          update(key, { state: 'failed', error, finishedAt: Date.now() });
        });
    },
    [onDone, update],
  );
  return { items, send };
}
