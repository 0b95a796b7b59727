import { CASE_STATES, SERVICE_TIERS } from '@fengqiao/contracts';
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

/** Region, tier, state and clock filters; each change becomes the URL, so a link shares the list. */
export function CaseFiltersBar({
  f,
  onChange,
}: {
  readonly f: CaseFilters;
  readonly onChange: (f: CaseFilters) => void;
}) {
  const commitRegion = (v: string): void => onChange({ ...f, region: v.trim() });
  return (
    <div className="wf-filters" role="group" aria-label={W.casesTitle}>
      <label>
        {W.region}
        <input
          name="f-region"
          defaultValue={f.region}
          inputMode="numeric"
          placeholder="511902"
          onBlur={(e) => commitRegion(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && commitRegion(e.currentTarget.value)}
        />
      </label>
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
