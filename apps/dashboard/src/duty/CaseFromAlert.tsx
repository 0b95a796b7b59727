import { useState, type FormEvent } from 'react';
import { CASE_CATEGORIES, type Alert } from '@fengqiao/contracts';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { categoryLabel, S } from '../i18n/strings';
import { caseFormOf, caseHref, caseRequestOf } from './alert-case';
import { D } from './duty-strings';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'editing' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'made'; readonly caseId: string };

/** "已转为案件 C…" with the link to the case. */
function CaseLink({ caseId, made }: { readonly caseId: string; readonly made: boolean }) {
  return (
    <p className="detail__case" data-testid="alert-case" data-case-id={caseId} role="status">
      {made ? D.caseMade : D.caseIs}{' '}
      <a href={caseHref(caseId)} data-testid="alert-case-link">
        {caseId}
      </a>
    </p>
  );
}

/**
 * The alert turned into a case: a button that opens the form prefilled from the alert (the domain's
 * draft, as the API fills it), then the new case's number with its link. An alert that already is a
 * case (the detail's `caseId`, or a 409 from another officer meanwhile) shows that case instead.
 */
export function CaseFromAlert({ alert, caseId }: { readonly alert: Alert; readonly caseId?: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [form, setForm] = useState(() => caseFormOf(alert));
  const [problem, setProblem] = useState<string | null>(null);
  if (phase.kind === 'made') return <CaseLink caseId={phase.caseId} made />;
  if (caseId !== undefined) return <CaseLink caseId={caseId} made={false} />;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const check = caseRequestOf(form);
    if (!check.ok) return setProblem(D.caseProblem[check.reason]);
    setPhase({ kind: 'sending' });
    call('alerts.createCase', { params: { alertId: alert.alertId }, body: check.body })
      .then((made) => setPhase({ kind: 'made', caseId: made.caseId }))
      .catch(async (err: unknown) => {
        if (err instanceof ApiRequestError && err.code === 'ALERT_CASE_EXISTS') {
          const detail = await call('alerts.detail', { params: { alertId: alert.alertId } });
          if (detail.caseId !== undefined) return setPhase({ kind: 'made', caseId: detail.caseId });
        }
        setProblem(err instanceof ApiRequestError ? `${err.code}: ${err.message}` : String(err));
        setPhase({ kind: 'editing' });
      })
      .catch((err: unknown) => {
        setProblem(String(err));
        setPhase({ kind: 'editing' });
      });
  };

  if (phase.kind === 'idle')
    return (
      <p className="detail__case">
        <button type="button" data-testid="action-case" onClick={() => setPhase({ kind: 'editing' })}>
          {D.toCase}
        </button>
      </p>
    );
  return (
    <form
      className="action-form case-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && setPhase({ kind: 'idle' })}
      data-testid="form-case"
    >
      <label>
        {D.caseCategory}
        <select
          name="category"
          value={form.category}
          onChange={(e) => setForm({ ...form, category: e.target.value as typeof form.category })}
        >
          {CASE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="case-form__summary">
        {D.caseSummary}
        <textarea
          name="summary"
          rows={3}
          value={form.summary}
          onChange={(e) => setForm({ ...form, summary: e.target.value })}
          autoFocus
        />
      </label>
      {problem !== null && <p role="alert">{problem}</p>}
      <button type="submit" disabled={phase.kind === 'sending'}>
        {D.toCase} ⏎
      </button>
      <button type="button" onClick={() => setPhase({ kind: 'idle' })}>
        {S.cancel} Esc
      </button>
    </form>
  );
}
