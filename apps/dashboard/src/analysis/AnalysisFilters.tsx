import { CASE_CATEGORIES } from '@fengqiao/contracts';
import { type ViewBucket } from '../charts/builders/trend-series';
import { categoryLabel, S } from '../i18n/strings';
import { RANGE_DAYS, type AnalysisView } from './view-state';

const BUCKETS: readonly ViewBucket[] = ['hour', 'day', 'week', 'month'];

/** Bucket, range and category; every change becomes a new URL. */
export function AnalysisFilters({
  view,
  onChange,
}: {
  readonly view: AnalysisView;
  readonly onChange: (v: AnalysisView) => void;
}) {
  return (
    <header className="analysis__filters">
      <h1>{S.navAnalysis}</h1>
      <fieldset>
        <legend>{S.bucket}</legend>
        {BUCKETS.map((b) => (
          <button
            key={b}
            type="button"
            aria-pressed={view.bucket === b}
            onClick={() => onChange({ ...view, bucket: b })}
            data-testid={`bucket-${b}`}
          >
            {S[b]}
          </button>
        ))}
      </fieldset>
      <label>
        {S.range}
        <select
          value={view.days}
          onChange={(e) => onChange({ ...view, days: Number(e.target.value) })}
          data-testid="range"
        >
          {RANGE_DAYS.map((d) => (
            <option key={d} value={d}>
              {S.days(d)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {S.category}
        <select
          value={view.category}
          onChange={(e) => onChange({ ...view, category: e.target.value })}
          data-testid="category"
        >
          <option value="">{S.allCategories}</option>
          {CASE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <nav>
        <a href="/wall">{S.navWall}</a> <a href="/duty">{S.navDuty}</a>
      </nav>
    </header>
  );
}
