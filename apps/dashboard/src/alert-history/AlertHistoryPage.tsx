import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { AnalysisNav } from '../analysis/AnalysisNav';
import { call } from '../api/call';
import { navigate } from '../app/router';
import { buildPairedBarsOption, minutesOf } from '../charts/builders/alert-quality-option';
import { THEME } from '../charts/builders/palette';
import { EChart } from '../charts/EChart';
import { usePolled, useViewportScale } from '../common/hooks';
import { currentLang, L } from '../i18n/strings';
import { H } from './history-strings';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { historySearch, listQuery, parseHistoryView, qualityQuery, type HistoryView } from './history-view';
import { QualityTable, QualityTiles } from './QualityTable';
import { RegionName } from './RegionName';
import './alert-history.css';

const lang = currentLang(window.location.search);
const REFRESH_MS = 60_000;
const levelLabel = (k: string): ReactNode => L.colour[k as keyof typeof L.colour] ?? k;
const regionLabel = (k: string): ReactNode => <RegionName code={k} />;
const ruleLabel = (k: string): ReactNode => k;

/** The rules seen in any answer so far: the rule filter's choices survive picking one. */
function useSeenRules(keys: readonly string[] | undefined): readonly string[] {
  const [seen, setSeen] = useState<readonly string[]>([]);
  useEffect(() => {
    if (keys === undefined) return;
    setSeen((s) => (keys.every((k) => s.includes(k)) ? s : [...new Set([...s, ...keys])]));
  }, [keys]);
  return seen;
}

/** Analysts' alert history: filtered, paged, with MTTA / MTTR and false-alarm rates (issue 20). */
export function AlertHistoryPage({ search }: { readonly search: string }) {
  const view = parseHistoryView(search);
  const key = historySearch(view);
  const scale = useViewportScale();
  const [cursors, setCursors] = useState<readonly string[]>([]);
  useEffect(() => setCursors([]), [key]);
  const cursor = cursors[cursors.length - 1];
  const quality = usePolled(
    (signal) => call('alerts.quality', { query: qualityQuery(view, Date.now()) }, signal),
    REFRESH_MS,
    key,
  );
  const list = usePolled(
    (signal) => call('alerts.list', { query: listQuery(view, Date.now(), cursor) }, signal),
    REFRESH_MS,
    `${key}|${cursor ?? ''}`,
  );
  const q = quality.data;
  const rules = useSeenRules(useMemo(() => q?.byRule.map((r) => r.key), [q]));
  const go = (next: HistoryView): void =>
    navigate(`/analysis/alerts${historySearch(next, lang === 'en' ? 'en' : undefined)}`);
  const option = useMemo(
    () =>
      buildPairedBarsOption(
        (q?.byRule ?? [])
          .slice(0, 12)
          .map((r) => ({ label: r.key, a: minutesOf(r.mttaMs), b: minutesOf(r.mttrMs) })),
        { a: H.mtta, b: H.mttr },
        [THEME.blue, THEME.orange],
        scale,
      ),
    [q, scale],
  );
  const nextCursor = list.data?.nextCursor ?? null;

  return (
    <div className="history" data-testid="alert-history" data-loaded={q === undefined ? '' : 'yes'}>
      <header className="history__head">
        <h1>{H.historyTitle}</h1>
        <AnalysisNav current="/analysis/alerts" />
      </header>
      <HistoryFilters view={view} rules={rules} onChange={go} />
      <div className="history__summary">
        {q !== undefined && <QualityTiles f={q.overall} />}
        <small>
          {H.medianNote}
          {q?.truncated === true && ` · ${H.truncated}`}
          {quality.error !== undefined && <span role="alert"> · {quality.error}</span>}
        </small>
      </div>
      <div className="history__figures">
        <QualityTable
          title={H.byLevel}
          testId="quality-by-level"
          rows={q?.byLevel ?? []}
          labelOf={levelLabel}
        />
        <QualityTable
          title={H.byRegion}
          testId="quality-by-region"
          rows={q?.byRegion ?? []}
          labelOf={regionLabel}
        />
        <QualityTable title={H.byRule} testId="quality-by-rule" rows={q?.byRule ?? []} labelOf={ruleLabel} />
        <section className="history__chart">
          <h2>{H.mttaMttrChart}</h2>
          <EChart className="history__echart" option={option} label={H.mttaMttrChart} />
        </section>
      </div>
      <HistoryTable
        items={list.data?.items}
        page={cursors.length + 1}
        hasNext={nextCursor !== null}
        onPrev={() => setCursors((c) => c.slice(0, -1))}
        onNext={() => {
          if (nextCursor !== null) setCursors((c) => [...c, nextCursor]);
        }}
      />
    </div>
  );
}
