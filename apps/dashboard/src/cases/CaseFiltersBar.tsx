import { CASE_STATES, SERVICE_TIERS } from '@fengqiao/contracts';
import { RegionFilter } from '../common/RegionFilter';
import { W, WL } from '../i18n/strings';
import { toggle, type CaseFilters } from './case-view';

function Checks<T extends string>(props: {
  label: string;
  name: string;
  values: readonly T[];
  chosen: readonly T[];
  labelOf: (v: T) => string;
  onChange: (xs: T[]) => void;
}) {
  return (
    <fieldset className="wf-checks">
      <legend>{props.label}</legend>
      {props.values.map((v) => (
        <label key={v} className="wf-check">
          <input
            type="checkbox"
            name={`${props.name}-${v}`}
            checked={props.chosen.includes(v)}
            onChange={() => props.onChange(toggle(props.chosen, v))}
          />
          {props.labelOf(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** The cases API filters by county or township code. */
const CASE_FILTER_LEVELS = ['county', 'township'] as const;

/** Region, tier, state and clock filters; each change becomes the URL, so a link shares the list. */
export function CaseFiltersBar({
  f,
  onChange,
}: {
  readonly f: CaseFilters;
  readonly onChange: (f: CaseFilters) => void;
}) {
  return (
    <div className="wf-filters" role="group" aria-label={W.casesTitle}>
      <RegionFilter
        region={f.region}
        levels={CASE_FILTER_LEVELS}
        onChange={(region) => onChange({ ...f, region })}
      />
      <Checks
        label={W.tier}
        name="tier"
        values={SERVICE_TIERS}
        chosen={f.tiers}
        labelOf={(t) => WL.tier[t]}
        onChange={(tiers) => onChange({ ...f, tiers })}
      />
      <Checks
        label={W.state}
        name="state"
        values={CASE_STATES}
        chosen={f.states}
        labelOf={(s) => WL.state[s]}
        onChange={(states) => onChange({ ...f, states })}
      />
      <Checks
        label={W.deadline}
        name="clock"
        values={['at-risk', 'breached'] as const}
        chosen={f.clocks}
        labelOf={(c) => WL.clock[c]}
        onChange={(clocks) => onChange({ ...f, clocks })}
      />
    </div>
  );
}
