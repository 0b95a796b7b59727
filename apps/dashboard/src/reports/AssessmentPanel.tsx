import { useState } from 'react';
import { SCORECARD_COLUMN_LABELS, type QuarterlyScorecard, type TownshipScore } from '@fengqiao/contracts';
import { cityDateOf } from '@fengqiao/domain';
import { call } from '../api/call';
import { usePolled } from '../common/hooks';
import { recentQuarters, scorecardRows, scoreText, share } from './assessment-view';
import './assessment.css';

/** Scores move with the day's cases; five minutes is fresh for a quarter's ranking. */
const SCORECARD_MS = 300_000;

function Row({ t }: { readonly t: TownshipScore }) {
  return (
    <tr data-township={t.township} className={t.score === null ? 'assessment__unscored' : undefined}>
      <td className="num">{t.rankInCity ?? '—'}</td>
      <td className="num">{t.rankInCounty ?? '—'}</td>
      <td>{t.name}</td>
      <td>{t.countyName}</td>
      <td className="num assessment__score">{scoreText(t.score)}</td>
      <td className="num">{share(t.onTimeRate)}</td>
      <td className="num">{share(t.routingRate)}</td>
      <td className={`num${t.overdue > 0 ? ' assessment__overdue' : ''}`}>{t.overdue}</td>
      <td className="num">{share(t.satisfiedShare)}</td>
      <td className="num">{share(t.jointMediationShare)}</td>
      <td className="num">{t.casesIn}</td>
    </tr>
  );
}

function Weights({ w }: { readonly w: QuarterlyScorecard['weights'] }) {
  return (
    <p className="muted assessment__weights">
      {`权重：分级按时率 ${w.onTime} · 1日内分流 ${w.routing} · 超期未结 ${w.overdue} · 满意率 ${w.satisfaction} · 联合调解 ${w.jointMediation}（见 docs/assessment.md）`}
    </p>
  );
}

/** The quarterly scorecard of township centers (季考评), ranked in county and city; analysts only. */
export function AssessmentPanel() {
  const quarters = recentQuarters(cityDateOf(Date.now()), 4);
  const [quarter, setQuarter] = useState(quarters[0] ?? '');
  const card = usePolled(
    (signal) => call('assessments.quarterly', { query: { quarter } }, signal),
    SCORECARD_MS,
    quarter,
  );
  const rows = card.data === undefined ? undefined : scorecardRows(card.data.townships);
  return (
    <section className="assessment" data-testid="assessment" aria-label="乡镇综治中心季度考评">
      <header className="assessment__head">
        <h2>乡镇综治中心季度考评</h2>
        <select name="quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
        {card.data !== undefined && (
          <span className="muted">
            {card.data.complete
              ? '已结束'
              : `进行中 · 截至 ${card.data.asOf.slice(0, 16).replace('T', ' ')} UTC`}
          </span>
        )}
      </header>
      {card.error !== undefined && (
        <p className="form-error" role="alert">
          {card.error}
        </p>
      )}
      {card.data !== undefined && <Weights w={card.data.weights} />}
      {rows === undefined ? (
        <p className="muted">…</p>
      ) : (
        <div className="assessment__scroll">
          <table className="wf-table">
            <thead>
              <tr>
                {SCORECARD_COLUMN_LABELS.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.shown.map((t) => (
                <Row key={t.township} t={t} />
              ))}
            </tbody>
          </table>
          {rows.unscored > 0 && (
            <p className="muted">{`${rows.unscored} 个乡镇本季度无可计量数据，列于末尾，未排名。`}</p>
          )}
        </div>
      )}
    </section>
  );
}
