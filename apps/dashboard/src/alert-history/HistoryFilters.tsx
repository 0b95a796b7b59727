import { ALERT_COLOURS, ALERT_STATES } from '@fengqiao/contracts';
import { RegionFilter } from '../common/RegionFilter';
import { L } from '../i18n/strings';
import { H } from './history-strings';
import { HISTORY_DAYS, type HistoryView } from './history-view';

/** Period, level, state, region and rule of the history; every change is a new URL. */
export function HistoryFilters(props: {
  readonly view: HistoryView;
  readonly rules: readonly string[];
  readonly onChange: (next: HistoryView) => void;
}) {
  const { view, onChange } = props;
  const rules = [...new Set([...props.rules, ...(view.ruleId === '' ? [] : [view.ruleId])])].sort();
  return (
    <div className="history__filters" data-testid="history-filters">
      <label>
        {H.period}
        <select
          name="h-days"
          value={view.days}
          onChange={(e) => onChange({ ...view, days: Number(e.target.value) })}
        >
          {HISTORY_DAYS.map((d) => (
            <option key={d} value={d}>
              {H.days(d)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {H.level}
        <select
          name="h-level"
          value={view.colour}
          onChange={(e) => onChange({ ...view, colour: e.target.value as HistoryView['colour'] })}
        >
          <option value="">{H.all}</option>
          {ALERT_COLOURS.map((c) => (
            <option key={c} value={c}>
              {L.colour[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {H.state}
        <select
          name="h-state"
          value={view.state}
          onChange={(e) => onChange({ ...view, state: e.target.value as HistoryView['state'] })}
        >
          <option value="">{H.all}</option>
          {ALERT_STATES.map((s) => (
            <option key={s} value={s}>
              {L.state[s]}
            </option>
          ))}
        </select>
      </label>
      <RegionFilter
        region={view.region}
        levels={['county', 'township']}
        onChange={(region) => onChange({ ...view, region })}
      />
      <label>
        {H.rule}
        <select
          name="h-rule"
          value={view.ruleId}
          onChange={(e) => onChange({ ...view, ruleId: e.target.value })}
        >
          <option value="">{H.all}</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
