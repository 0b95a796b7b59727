import { apiGet, type Parser, queryString } from '../api/http';
import { usePolled } from '../common/hooks';
import { apiParams, panelRegion, type AnalysisView } from './view-state';

/** Every five minutes: the analysis series change by the hour at most. */
const POLL_MS = 300_000;

/** A series over the view's range and region at `bucket`, polled and refetched when the view changes. */
export function useRangeSeries<T>(path: string, schema: Parser<T>, view: AnalysisView, bucket: string) {
  return usePolled(
    (signal) => {
      const p = apiParams(view, Date.now());
      const q = queryString({
        from: p.from,
        to: p.to,
        bucket,
        region: panelRegion(view),
      });
      return apiGet(`${path}${q}`, schema, signal);
    },
    POLL_MS,
    `${view.region}|${view.days}|${bucket}`,
  );
}
