import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { type CaseIntakeResponse } from '@fengqiao/contracts';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { W } from '../i18n/strings';
import { CaseFields } from './CaseFields';
import { DuplicatesPanel } from './DuplicatesPanel';
import {
  duplicateCheck,
  EMPTY_DRAFT,
  EMPTY_PARTY,
  routingQuery,
  toIntakeRequest,
  validateDraft,
  type FieldErrors,
  type IntakeDraft,
} from './intake-form';
import { LocationFields } from './LocationFields';
import { PartiesFields } from './PartiesFields';
import { RoutingPanel } from './RoutingPanel';
import { useDuplicates, useRoutingSuggestion } from './useIntakeQueries';
import { IntakeKey } from './intake-key';
import { WorkflowHeader } from '../cases/WorkflowHeader';
import '../cases/workflow.css';
import './intake.css';

function Created({ result, onNext }: { readonly result: CaseIntakeResponse; readonly onNext: () => void }) {
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  return (
    <section className="wf-notice wf-notice--ok intake-created" role="status" data-testid="intake-created">
      <p data-case-id={result.caseId}>{W.caseCreated(result.caseId)}</p>
      <button type="button" ref={next} onClick={onNext}>
        {W.newCase}
      </button>
    </section>
  );
}

/** The reception window's form: one screen, keyboard first, Enter submits from any field. */
export function IntakePage() {
  const [d, setD] = useState<IntakeDraft>(EMPTY_DRAFT);
  // Problems show from the first attempt to send on, and then follow every keystroke.
  const [attempts, setAttempts] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CaseIntakeResponse | null>(null);
  const [formKey, setFormKey] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  // A retry of the same case (after a timeout) sends the same key: the API answers the first case.
  const intakeKey = useRef(new IntakeKey());
  const suggestion = useRoutingSuggestion(routingQuery(d));
  const duplicates = useDuplicates(duplicateCheck(d));
  const patch = (p: Partial<IntakeDraft>): void => setD((x) => ({ ...x, ...p }));
  const errors: FieldErrors = attempts > 0 ? validateDraft(d) : {};

  useEffect(() => {
    if (attempts > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setAttempts((n) => n + 1);
    if (Object.keys(validateDraft(d)).length > 0 || busy) return;
    setBusy(true);
    setFailure(null);
    const body = toIntakeRequest(d);
    call('cases.intake', { body, idempotencyKey: intakeKey.current.for(body) })
      .then((r) => setResult(r))
      .catch((err: unknown) =>
        setFailure(err instanceof ApiRequestError ? `${err.code}: ${err.message}` : String(err)),
      )
      .finally(() => setBusy(false));
  };
  const keys = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      setFailure(null);
      setAttempts(0);
      return;
    }
    if (!e.altKey) return;
    if (e.code === 'KeyP') patch({ parties: [...d.parties, EMPTY_PARTY] });
    else if (e.code === 'KeyR') patch({ routing: { mode: 'accept' } });
    else return;
    e.preventDefault();
  };
  const next = (): void => {
    // A fresh form for the next person: nothing of the last citizen stays on screen or in state.
    setD(EMPTY_DRAFT);
    setAttempts(0);
    setResult(null);
    setFormKey((k) => k + 1);
  };

  const errorCount = Object.keys(errors).length;
  return (
    <main className="wf-page intake">
      <WorkflowHeader title={W.intakeTitle}>
        <p className="muted intake__keys" data-testid="intake-keys">
          {W.intakeKeys}
        </p>
      </WorkflowHeader>
      {result !== null ? (
        <Created result={result} onNext={next} />
      ) : (
        <form
          key={formKey}
          ref={form}
          className="intake-form"
          onSubmit={submit}
          onKeyDown={keys}
          noValidate
          aria-label={W.intakeTitle}
        >
          <PartiesFields parties={d.parties} errors={errors} onChange={(parties) => patch({ parties })} />
          <LocationFields
            region={d.region}
            location={d.location}
            error={errors['region']}
            onChange={(region, location) => patch({ region, location })}
          />
          <CaseFields d={d} errors={errors} patch={patch} />
          <div className="intake-side">
            <RoutingPanel
              suggestion={suggestion}
              choice={d.routing}
              reasonError={errors['overrideReason']}
              onChoice={(routing) => patch({ routing })}
            />
            <DuplicatesPanel
              duplicates={duplicates}
              repeatOf={d.repeatOf}
              onRepeat={(repeatOf) => patch({ repeatOf })}
            />
            {errorCount > 0 && (
              <p className="form-error" role="alert">
                {W.fixErrors(errorCount)}
              </p>
            )}
            {failure !== null && (
              <p className="wf-notice wf-notice--error" role="alert">
                {failure}
              </p>
            )}
            <button type="submit" className="intake-submit" disabled={busy}>
              {busy ? W.submitting : `${W.submitCase} (Enter)`}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
