import { useState, type FormEvent } from 'react';
import { PARTY_REVEAL_ROLES, type CaseDetail, type UserRole } from '@fengqiao/contracts';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { S, W } from '../i18n/strings';

export interface Revealed {
  readonly caseId: string;
  readonly reason: string;
  readonly parties: CaseDetail['parties'];
}

interface Props {
  readonly caseId: string;
  readonly role: UserRole;
  readonly onRevealed: (r: Revealed) => void;
}

/**
 * "查看完整信息": for the roles allowed only, with a required reason; the API writes the audit row
 * in the same transaction as the read. The full parties live in the panel's state, never stored.
 */
export function PartiesReveal({ caseId, role, onRevealed }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!PARTY_REVEAL_ROLES.includes(role)) return null;
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="case-reveal">
        {W.revealParties}
      </button>
    );
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const why = reason.trim();
    if (why.length < 2) return setProblem(W.revealReasonRequired);
    setBusy(true);
    call('cases.reveal', { params: { caseId }, body: { reason: why } })
      .then((d) => onRevealed({ caseId, reason: why, parties: d.parties }))
      .catch((err: unknown) =>
        setProblem(err instanceof ApiRequestError ? `${err.code}: ${err.message}` : String(err)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form
      className="wf-form case-action-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      // Our own message in the page's language, not the browser's bubble for `required`.
      noValidate
      data-testid="case-reveal-form"
    >
      <h3>{W.revealParties}</h3>
      <p className="muted">{W.revealWillAudit}</p>
      <label>
        {W.revealReason}
        <input
          name="reveal-reason"
          value={reason}
          maxLength={200}
          required
          autoFocus
          aria-invalid={problem !== null}
          onChange={(e) => setReason(e.target.value)}
        />
        {problem !== null && (
          <span className="form-error" role="alert" data-testid="case-reveal-error">
            {problem}
          </span>
        )}
      </label>
      <div className="wf-table__actions">
        <button type="submit" disabled={busy}>
          {W.revealConfirm}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {S.cancel}
        </button>
      </div>
    </form>
  );
}
