import { usePolled } from '../common/hooks';
import { apiParams, panelRegion, type AnalysisView } from './view-state';

/** Every five minutes: the analysis series change by the hour at most. */
const POLL_MS = 300_000;

/** The view's range and region, as the series routes take them. */
export interface RangeQuery {
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly region: string | undefined;
}

/**
 * A series over the view's range and region at `bucket`, polled and refetched when the view changes.
 * `fetch` makes the typed call (its route checks the bucket against its own query schema).
 */
export function useRangeSeries<T>(
  fetch: (range: RangeQuery, signal: AbortSignal) => Promise<T>,
  view: AnalysisView,
  bucket: string,
) {
  return usePolled(
    (signal) => {
      const p = apiParams(view, Date.now());
      return fetch({ from: p.from, to: p.to, region: panelRegion(view) }, signal);
    },
    POLL_MS,
    `${view.region}|${view.days}|${bucket}`,
  );
}
