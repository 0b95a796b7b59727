import { useMemo, useRef, useState } from 'react';
import { routeAllows } from '@fengqiao/contracts';
import { call } from '../api/call';
import { navigate } from '../app/router';
import { useSession } from '../auth/session';
import { buildBreakdownOption } from '../charts/builders/breakdown-option';
import { buildCategoryOption, buildYearOnYearOption } from '../charts/builders/category-option';
import { buildTrendOption } from '../charts/builders/trend-option';
import { foldToMonths, seriesByCategory, totalsByCategory } from '../charts/builders/trend-series';
import { EChart, type ChartClick, type ChartHandle } from '../charts/EChart';
import { usePolled, useViewportScale } from '../common/hooks';
import { currentLang, S } from '../i18n/strings';
import { AnalysisFilters } from './AnalysisFilters';
import { AnalysisNav } from './AnalysisNav';
import { CalendarPanel } from './CalendarPanel';
import { CameraHealthPanel } from './CameraHealthPanel';
import { DrillMapPanel } from './DrillMapPanel';
import { RegionCrumbs } from './RegionCrumbs';
import { rememberNames } from './region-names';
import { TierCompliancePanel } from './TierCompliancePanel';
import { exportCsv, exportPng } from './exports';
import {
  apiBucket,
  apiParams,
  breakdownParams,
  drillDown,
  parseView,
  viewToSearch,
  type AnalysisView,
} from './view-state';
import './analysis.css';

const lang = currentLang(window.location.search);
const SLOW_MS = 300_000;

function useAnalysisData(view: AnalysisView, key: string) {
  const params = (): Record<string, string | undefined> => apiParams(view, Date.now());
  const series = usePolled(
    (signal) => call('trends.series', { query: { ...params(), bucket: apiBucket(view.bucket) } }, signal),
    SLOW_MS,
    key,
  );
  const yoy = usePolled((signal) => call('trends.yoy', { query: params() }, signal), SLOW_MS, key);
  const breakdown = usePolled(
    async (signal) => {
      const res = await call('trends.breakdown', { query: breakdownParams(view, Date.now()) }, signal);
      rememberNames(res.rows);
      return res;
    },
    SLOW_MS,
    key,
  );
  return { series, yoy, breakdown };
}

/** Hotspot trends by region, category and bucket, year on year, with drill-down and exports. */
export function AnalysisPage({ search }: { readonly search: string }) {
  const view = parseView(search);
  const key = viewToSearch(view);
  const session = useSession();
  const scale = useViewportScale();
  const trendChart = useRef<ChartHandle>(null);
  const [error, setError] = useState<string | null>(null);
  const { series, yoy, breakdown } = useAnalysisData(view, key);
  const go = (next: AnalysisView): void =>
    navigate(`/analysis${viewToSearch(next, lang === 'en' ? 'en' : undefined)}`);

  const points = useMemo(
    () => (view.bucket === 'month' ? foldToMonths(series.data?.points ?? []) : (series.data?.points ?? [])),
    [series.data, view.bucket],
  );
  const trendOption = useMemo(
    () => buildTrendOption({ data: seriesByCategory(points), bucket: view.bucket, scale, stacked: false }),
    [points, view.bucket, scale],
  );
  const categoryOption = useMemo(() => buildCategoryOption(totalsByCategory(points), scale), [points, scale]);
  const breakdownOption = useMemo(
    () => buildBreakdownOption(breakdown.data?.rows ?? [], scale),
    [breakdown.data, scale],
  );
  const yoyOption = useMemo(
    () =>
      buildYearOnYearOption(
        {
          current: yoy.data?.current ?? 0,
          previous: yoy.data?.previous ?? 0,
          labels: [S.previousYear, S.currentRange],
        },
        scale,
      ),
    [yoy.data, scale],
  );
  const onDrill = (p: ChartClick): void => {
    const region = (p.data as { region?: string } | undefined)?.region;
    if (region !== undefined) go(drillDown(view, region));
  };
  const canExport = session !== null && routeAllows('trends.csv', session.user.role);
  const file = `fengqiao-${view.region || 'city'}-${view.bucket}-${view.days}d`;

  return (
    <div className="analysis" data-testid="analysis">
      <AnalysisFilters view={view} onChange={go} />
      <div className="analysis__bar">
        <RegionCrumbs view={view} go={go} />
        <AnalysisNav current="/analysis" />
        <div className="analysis__yoy" data-testid="yoy">
          {S.yoy}:{' '}
          {yoy.data?.changePercent === null || yoy.data === undefined
            ? '—'
            : `${yoy.data.changePercent > 0 ? '+' : ''}${yoy.data.changePercent}%`}
        </div>
        {canExport && (
          <button
            type="button"
            data-testid="export-csv"
            onClick={() =>
              void exportCsv(
                { ...apiParams(view, Date.now()), bucket: apiBucket(view.bucket) },
                `${file}.csv`,
              ).catch((e: unknown) => setError(String(e)))
            }
          >
            {S.exportCsv}
          </button>
        )}
        <button type="button" onClick={() => exportPng(trendChart.current?.toDataUrl(), `${file}.png`)}>
          {S.exportPng}
        </button>
        {error !== null && <span role="alert">{error}</span>}
      </div>
      <section
        className="analysis__trend"
        data-testid="trend"
        data-total={series.data === undefined ? '' : points.reduce((n, p) => n + p.events, 0)}
      >
        <h2>{S.trends}</h2>
        <EChart className="analysis__chart" option={trendOption} label={S.trends} handle={trendChart} />
      </section>
      <section
        className="analysis__breakdown"
        data-testid="breakdown"
        data-level={breakdown.data?.level ?? ''}
        data-rows={breakdown.data?.rows.length ?? ''}
      >
        <h2>{S.breakdown}</h2>
        <EChart className="analysis__chart" option={breakdownOption} label={S.breakdown} onClick={onDrill} />
      </section>
      <section className="analysis__categories">
        <h2>{S.categories}</h2>
        <EChart className="analysis__chart" option={categoryOption} label={S.categories} />
      </section>
      <section className="analysis__yoy-chart">
        <h2>{S.yoy}</h2>
        <EChart className="analysis__chart" option={yoyOption} label={S.yoy} />
      </section>
      <DrillMapPanel view={view} breakdown={breakdown.data} scale={scale} file={file} go={go} />
      <CalendarPanel view={view} scale={scale} file={file} />
      <TierCompliancePanel view={view} scale={scale} file={file} />
      <CameraHealthPanel view={view} scale={scale} file={file} />
    </div>
  );
}
