import { useMemo } from 'react';
import { buildCameraHealthOption } from '../charts/builders/tier-option';
import { M, S } from '../i18n/strings';
import { ChartPanel } from './ChartPanel';
import { toCsv } from './csv';
import { call } from '../api/call';
import { useRangeSeries } from './useRangeSeries';
import { type AnalysisView } from './view-state';

/** Online share of the region's cameras over the range: hourly up to a week, daily beyond. */
export function CameraHealthPanel({
  view,
  scale,
  file,
}: {
  view: AnalysisView;
  scale: number;
  file: string;
}) {
  const bucket = view.days <= 7 ? 'hour' : 'day';
  const data = useRangeSeries(
    (range, signal) => call('cameras.healthTrend', { query: { ...range, bucket } }, signal),
    view,
    bucket,
  );
  const points = useMemo(() => data.data?.points ?? [], [data.data]);
  const option = useMemo(() => buildCameraHealthOption(points, bucket, scale), [points, bucket, scale]);
  return (
    <ChartPanel
      title={M.cameraHealth}
      className="analysis__health"
      testId="camera-health"
      option={option}
      file={`${file}-cameras`}
      csv={() =>
        toCsv(
          ['bucket', 'reports', 'onlineShare'],
          points.map((p) => [p.bucket, p.reports, p.onlineShare]),
        )
      }
      data={{ 'data-points': data.data === undefined ? '' : points.length }}
      note={data.data === undefined && data.error !== undefined ? S.awaitingApi : undefined}
    />
  );
}
