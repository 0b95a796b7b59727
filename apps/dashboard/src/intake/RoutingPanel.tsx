import { CASE_UNITS, SERVICE_TIERS, type Routing, type RoutingSuggestion } from '@fengqiao/contracts';
import { formatInstant } from '../cases/case-view';
import { currentLang, R, W, WL } from '../i18n/strings';
import { Field, invalid } from './Field';
import { type RoutingChoice } from './intake-form';
import { type Asked } from './useIntakeQueries';

const lang = currentLang(window.location.search);

interface Props {
  readonly suggestion: Asked<RoutingSuggestion>;
  readonly choice: RoutingChoice;
  readonly reasonError: string | undefined;
  readonly onChoice: (c: RoutingChoice) => void;
}

function OverrideFields(props: {
  routing: Routing;
  reason: string;
  error: string | undefined;
  onChange: (c: RoutingChoice) => void;
}) {
  const set = (routing: Routing, reason: string): void =>
    props.onChange({ mode: 'override', routing, reason });
  const { routing, reason } = props;
  return (
    <div className="intake-override">
      <Field label={W.tier} name="override.tier">
        <select
          name="override-tier"
          value={routing.tier}
          onChange={(e) => set({ ...routing, tier: e.target.value as Routing['tier'] }, reason)}
        >
          {SERVICE_TIERS.map((t) => (
            <option key={t} value={t}>
              {WL.tier[t]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={W.unit16N} name="override.unit">
        <select
          name="override-unit"
          value={routing.unit}
          onChange={(e) => set({ ...routing, unit: e.target.value as Routing['unit'] }, reason)}
        >
          {CASE_UNITS.map((u) => (
            <option key={u} value={u}>
              {WL.unit[u]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={W.department} name="override.department">
        <input
          name="override-department"
          value={routing.department}
          onChange={(e) => set({ ...routing, department: e.target.value }, reason)}
        />
      </Field>
      <Field label={W.overrideReason} name="overrideReason" error={props.error}>
        <input
          name="override-reason"
          value={reason}
          onChange={(e) => set(routing, e.target.value)}
          {...invalid('overrideReason', props.error)}
        />
      </Field>
    </div>
  );
}

/** The suggested tier, department and unit; accepted as is, or overridden with a reason. */
export function RoutingPanel({ suggestion, choice, reasonError, onChoice }: Props) {
  const s = suggestion.data;
  return (
    <section className="intake-routing" aria-live="polite" data-testid="routing-panel">
      <h2>{W.routing}</h2>
      {suggestion.loading && <p className="muted">{W.routingLoading}</p>}
      {suggestion.error !== null && <p className="form-error">{suggestion.error}</p>}
      {s === null && !suggestion.loading && suggestion.error === null && (
        <p className="muted">{W.routingNone}</p>
      )}
      {s !== null && (
        <dl className="intake-routing__figures" data-testid="routing-suggestion">
          <dt>{W.tier}</dt>
          <dd>{WL.tier[s.routing.tier]}</dd>
          <dt>{W.department}</dt>
          <dd>{s.routing.department}</dd>
          <dt>{W.unit16N}</dt>
          <dd>{WL.unit[s.routing.unit]}</dd>
          <dt>{W.deadline}</dt>
          <dd>{s.tierDueAt === null ? '—' : formatInstant(s.tierDueAt, lang)}</dd>
          <dd className="muted">
            {s.ruleTitle} · {R.byTable(s.tableVersion)}
          </dd>
        </dl>
      )}
      <div className="intake-routing__choice" role="radiogroup" aria-label={W.routing}>
        <label className="wf-check">
          <input
            type="radio"
            name="routing-mode"
            checked={choice.mode === 'accept'}
            onChange={() => onChoice({ mode: 'accept' })}
          />
          {W.accept}
        </label>
        <label className="wf-check">
          <input
            type="radio"
            name="routing-mode"
            checked={choice.mode === 'override'}
            disabled={s === null}
            onChange={() => s !== null && onChoice({ mode: 'override', routing: s.routing, reason: '' })}
          />
          {W.override}
        </label>
      </div>
      {choice.mode === 'override' && (
        <OverrideFields
          routing={choice.routing}
          reason={choice.reason}
          error={reasonError}
          onChange={onChoice}
        />
      )}
    </section>
  );
}
