import { CASE_CATEGORIES, CASE_CHANNELS } from '@fengqiao/contracts';
import { categoryLabel, S, W, WL } from '../i18n/strings';
import { Field, invalid } from './Field';
import { type FieldErrors, type IntakeDraft } from './intake-form';

type Patch = (p: Partial<IntakeDraft>) => void;
const FLAGS = ['violenceRisk', 'extremeWords', 'groupPetition'] as const;

/** Category, channel, description and the risk flags the clerk sees at the window. */
export function CaseFields({
  d,
  errors,
  patch,
}: {
  readonly d: IntakeDraft;
  readonly errors: FieldErrors;
  readonly patch: Patch;
}) {
  return (
    <fieldset className="intake-case">
      <legend>{W.summary}</legend>
      <Field label={S.category} name="category" error={errors['category']}>
        <select
          name="category"
          value={d.category}
          onChange={(e) => patch({ category: e.target.value as IntakeDraft['category'] })}
          {...invalid('category', errors['category'])}
        >
          <option value="">{W.choose}</option>
          {CASE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={W.channel} name="channel">
        <select
          name="channel"
          value={d.channel}
          onChange={(e) => patch({ channel: e.target.value as IntakeDraft['channel'] })}
        >
          {CASE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {WL.channel[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={W.description} name="summary" error={errors['summary']}>
        <textarea
          name="summary"
          rows={3}
          maxLength={500}
          value={d.summary}
          onChange={(e) => patch({ summary: e.target.value })}
          // Enter submits like everywhere else in the form; Shift+Enter starts a new line.
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          {...invalid('summary', errors['summary'])}
        />
      </Field>
      <div className="intake-flags" role="group" aria-label={W.riskFlags}>
        <span className="muted">{W.riskFlags}</span>
        {FLAGS.map((f) => (
          <label key={f} className="wf-check">
            <input
              type="checkbox"
              name={`flag-${f}`}
              checked={d[f]}
              onChange={(e) => patch({ [f]: e.target.checked })}
            />
            {WL.risk[f]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
