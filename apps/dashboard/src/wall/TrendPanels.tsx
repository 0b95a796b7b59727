import { useMemo } from 'react';
import { buildTrendOption } from '../charts/builders/trend-option';
import { seriesByCategory } from '../charts/builders/trend-series';
import { EChart } from '../charts/EChart';
import { isStale, useNow, usePolled } from '../common/hooks';
import { S } from '../i18n/strings';
import { fetchSeries } from './wall-data';

function TrendPanel({
  title,
  hours,
  bucket,
  scale,
}: {
  title: string;
  hours: number;
  bucket: 'hour' | 'day';
  scale: number;
}) {
  const series = usePolled(
    (signal) => fetchSeries(hours, bucket, signal),
    bucket === 'hour' ? 60_000 : 600_000,
  );
  const now = useNow(5000);
  const option = useMemo(
    () =>
      buildTrendOption({
        data: seriesByCategory(series.data?.points ?? [], 6),
        bucket,
        scale,
        stacked: true,
      }),
    [series.data, bucket, scale],
  );
  return (
    <section className="panel trend" aria-label={title}>
      <h2 className="panel__title">
        {title}
        {isStale(series, now) && <span className="panel__stale">⚠ {S.stale}</span>}
      </h2>
      <EChart className="panel__chart" option={option} label={title} />
    </section>
  );
}

/** Last 24 h by hour and last 7 days by day, stacked by category. */
export function TrendPanels({ scale }: { readonly scale: number }) {
  return (
    <>
      <TrendPanel title={S.trends24h} hours={24} bucket="hour" scale={scale} />
      <TrendPanel title={S.trends7d} hours={24 * 7} bucket="day" scale={scale} />
    </>
  );
}
