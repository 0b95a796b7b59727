import { useMemo, useState, type ReactNode } from 'react';
import { type AlertQualityResponse, type BacktestResponse } from '@fengqiao/contracts';
import { AnalysisNav } from '../analysis/AnalysisNav';
import { call } from '../api/call';
import { buildPairedBarsOption } from '../charts/builders/alert-quality-option';
import { THEME } from '../charts/builders/palette';
import { EChart } from '../charts/EChart';
import { RegionFilter } from '../common/RegionFilter';
import { usePolled, useViewportScale } from '../common/hooks';
import { L } from '../i18n/strings';
import { compareByLevel, compareByRule, type BacktestLine } from './backtest-compare';
import { H } from './history-strings';
import './alert-history.css';

const BACKTEST_DAYS = [1, 7, 30] as const;
const DAY_MS = 86_400_000;

interface Result {
  readonly bt: BacktestResponse;
  readonly actual: AlertQualityResponse;
}

function LinesTable(props: {
  readonly title: string;
  readonly testId: string;
  readonly lines: readonly BacktestLine[];
  readonly bt: BacktestResponse;
  readonly labelOf: (k: string) => ReactNode;
}) {
  const { bt } = props;
  return (
    <section className="history__quality" data-testid={props.testId} data-rows={props.lines.length}>
      <h2>{props.title}</h2>
      <table>
        <thead>
          <tr>
            <th />
            <th>{H.wouldFire(bt.candidate.version)}</th>
            {bt.active !== null && <th>{H.activeReplay(bt.active.version)}</th>}
            <th>{H.didFire}</th>
            <th>{H.diff}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l) => (
            <tr key={l.key} data-key={l.key}>
              <th>{props.labelOf(l.key)}</th>
              <td data-col="would">{l.wouldFire}</td>
              {bt.active !== null && <td data-col="active">{l.activeReplay}</td>}
              <td data-col="did">{l.didFire}</td>
              <td>{`${l.wouldFire - l.didFire > 0 ? '+' : ''}${l.wouldFire - l.didFire}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const levelLabel = (k: string): ReactNode => (k === 'total' ? H.total : (L.colour[k as 'red'] ?? k));

/** Pick a proposed rule-set version and a period: what it would have fired beside what fired. */
export function BacktestPage() {
  const scale = useViewportScale();
  const versions = usePolled((signal) => call('rules.list', undefined, signal), 300_000);
  const proposed = (versions.data?.items ?? []).filter((v) => v.status === 'proposed');
  const [picked, setPicked] = useState<number | null>(null);
  const version = picked ?? proposed[0]?.version ?? null;
  const [days, setDays] = useState<number>(7);
  const [region, setRegion] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (): Promise<void> => {
    if (version === null) return;
    const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
    const period = { from: new Date(to.getTime() - days * DAY_MS).toISOString(), to: to.toISOString() };
    const scoped = region === '' ? period : { ...period, region };
    setBusy(true);
    setError(null);
    try {
      const [bt, actual] = await Promise.all([
        call('rules.backtest', { params: { version }, body: scoped }),
        call('alerts.quality', { query: scoped }),
      ]);
      setResult({ bt, actual });
    } catch (e: unknown) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const byRule = useMemo(() => (result === null ? [] : compareByRule(result.bt, result.actual)), [result]);
  const option = useMemo(
    () =>
      buildPairedBarsOption(
        byRule.slice(0, 14).map((l) => ({ label: l.key, a: l.wouldFire, b: l.didFire })),
        { a: result === null ? '' : H.wouldFire(result.bt.candidate.version), b: H.didFire },
        [THEME.series[2], THEME.orange],
        scale,
      ),
    [byRule, result, scale],
  );

  return (
    <div className="history" data-testid="backtest" data-done={result === null ? '' : 'yes'}>
      <header className="history__head">
        <h1>{H.backtestTitle}</h1>
        <AnalysisNav current="/analysis/backtest" />
      </header>
      <div className="history__filters">
        <label>
          {H.version}
          <select
            name="bt-version"
            value={version ?? ''}
            onChange={(e) => setPicked(Number(e.target.value))}
            disabled={proposed.length === 0}
          >
            {proposed.length === 0 && <option value="">{H.noProposed}</option>}
            {proposed.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version} {v.name} {v.comment === '' ? '' : `· ${v.comment}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {H.period}
          <select name="bt-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {BACKTEST_DAYS.map((d) => (
              <option key={d} value={d}>
                {H.days(d)}
              </option>
            ))}
          </select>
        </label>
        <RegionFilter region={region} levels={['county', 'township']} onChange={setRegion} />
        <button
          type="button"
          data-testid="bt-run"
          disabled={version === null || busy}
          onClick={() => void run()}
        >
          {busy ? H.running : H.run}
        </button>
        {error !== null && <span role="alert">{error}</span>}
      </div>
      {result === null ? (
        <p className="history__summary">{H.pickAndRun}</p>
      ) : (
        <>
          <p className="history__summary" data-testid="bt-events">
            {H.events(result.bt.events, result.bt.truncated)}
          </p>
          <div className="history__figures history__figures--backtest">
            <LinesTable
              title={H.byLevel}
              testId="bt-by-level"
              lines={compareByLevel(result.bt, result.actual)}
              bt={result.bt}
              labelOf={levelLabel}
            />
            <LinesTable
              title={H.byRule}
              testId="bt-by-rule"
              lines={byRule}
              bt={result.bt}
              labelOf={(k) => k}
            />
            <section className="history__chart">
              <h2>{H.backtestChart}</h2>
              <EChart className="history__echart" option={option} label={H.backtestChart} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
