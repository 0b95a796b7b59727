import { useMemo } from 'react';
import { type ServiceTier } from '@fengqiao/contracts';
import { buildTierComplianceOption } from '../charts/builders/tier-option';
import { M, S, WL } from '../i18n/strings';
import { ChartPanel } from './ChartPanel';
import { toCsv } from './csv';
import { call } from '../api/call';
import { useRangeSeries } from './useRangeSeries';
import { type AnalysisView } from './view-state';

const tierName = (t: ServiceTier): string => WL.tier[t];

/** On-time rate per service tier, by the day (or week) the promise fell due. */
export function TierCompliancePanel({
  view,
  scale,
  file,
}: {
  view: AnalysisView;
  scale: number;
  file: string;
}) {
  const bucket = view.days > 90 || view.bucket === 'week' || view.bucket === 'month' ? 'week' : 'day';
  const data = useRangeSeries(
    (range, signal) => call('kpis.tierCompliance', { query: { ...range, bucket } }, signal),
    view,
    bucket,
  );
  const points = useMemo(() => data.data?.points ?? [], [data.data]);
  const option = useMemo(() => buildTierComplianceOption(points, tierName, scale), [points, scale]);
  return (
    <ChartPanel
      title={M.tierCompliance}
      className="analysis__tiers"
      testId="tier-compliance"
      option={option}
      file={`${file}-tiers`}
      csv={() =>
        toCsv(
          ['bucket', 'tier', 'onTime', 'due', 'rate'],
          points.map((p) => [p.bucket, p.tier, p.onTime, p.due, p.rate]),
        )
      }
      data={{ 'data-points': data.data === undefined ? '' : points.length }}
      note={data.data === undefined && data.error !== undefined ? S.awaitingApi : undefined}
    />
  );
}
