import { useEffect, useState } from 'react';
import {
  type DuplicateCandidate,
  type DuplicateCheckRequest,
  type RoutingSuggestion,
  type RoutingSuggestionQuery,
} from '@fengqiao/contracts';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';

/** Typing pauses this long before the API is asked again: one question per pause, not per key. */
const SETTLE_MS = 300;

export interface Asked<T> {
  readonly data: T | null;
  readonly loading: boolean;
  readonly error: string | null;
}

/** Asks `ask(input)` whenever the input's key changes (after a pause); drops stale answers. */
function useAsked<I, T>(input: I | null, ask: (i: I, signal: AbortSignal) => Promise<T>): Asked<T> {
  const key = input === null ? '' : JSON.stringify(input);
  const [state, setState] = useState<Asked<T>>({ data: null, loading: false, error: null });
  useEffect(() => {
    if (input === null) {
      setState({ data: null, loading: false, error: null });
      return undefined;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      ask(input, controller.signal)
        .then((data) => setState({ data, loading: false, error: null }))
        .catch((err: unknown) => {
          if (controller.signal.aborted) return;
          const error = err instanceof ApiRequestError ? `${err.code}: ${err.message}` : String(err);
          setState({ data: null, loading: false, error });
        });
    }, SETTLE_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
    // The key stands for the input: a new object with the same content asks nothing new.
  }, [key]);
  return state;
}

/** The routing suggestion, re-run whenever category, place or the risk flags it depends on change. */
export function useRoutingSuggestion(query: RoutingSuggestionQuery | null): Asked<RoutingSuggestion> {
  return useAsked(query, (q, signal) => call('cases.routing', { query: q }, signal));
}

/** Earlier cases of the same parties and place: personal data goes in the POST body only. */
export function useDuplicates(check: DuplicateCheckRequest | null): Asked<readonly DuplicateCandidate[]> {
  return useAsked(check, async (c) => (await call('cases.duplicates', { body: c })).items);
}
