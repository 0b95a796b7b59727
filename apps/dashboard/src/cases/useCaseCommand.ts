import { useCallback, useState } from 'react';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { isStateConflict, type CaseCommandKind } from './case-actions';

export interface CaseNotice {
  readonly kind: 'ok' | 'conflict' | 'error';
  readonly caseId: string;
  readonly message: string;
}

/**
 * The case projection follows Kafka (the API answers 202 once the event is on the topic), so the
 * page reloads a little later to show the new state.
 */
const SETTLE_MS = 1500;

/** Sends one lifecycle command; a refusal because another change came first is shown as a conflict, never hidden. */
export function useCaseCommand(onSettled: () => void) {
  const [notice, setNotice] = useState<CaseNotice | null>(null);
  const [busy, setBusy] = useState(false);
  const send = useCallback(
    (caseId: string, kind: CaseCommandKind, body: Record<string, unknown>, okText: string) => {
      setBusy(true);
      setNotice(null);
      call(`cases.${kind}`, { params: { caseId }, body })
        .then(() => setNotice({ kind: 'ok', caseId, message: okText }))
        .catch((err: unknown) => {
          const e = err instanceof ApiRequestError ? err : new ApiRequestError(0, 'NETWORK', String(err));
          setNotice({
            kind: isStateConflict(e) ? 'conflict' : 'error',
            caseId,
            message: `${e.code}: ${e.message}`,
          });
        })
        .finally(() => {
          setBusy(false);
          window.setTimeout(onSettled, SETTLE_MS);
        });
    },
    [onSettled],
  );
  return { notice, busy, send, dismiss: () => setNotice(null) };
}
