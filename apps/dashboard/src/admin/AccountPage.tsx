import { useState, type FormEvent } from 'react';
import { type TotpEnrolment } from '@fengqiao/contracts';
import { call } from '../api/call';
import { WorkflowHeader } from '../cases/WorkflowHeader';
import { A } from './admin-strings';
import { TotpEnrolmentDetails } from './TotpQr';
import '../cases/workflow.css';
import './admin.css';

const message = (err: unknown): string => A.failed(err instanceof Error ? err.message : String(err));

/** One's own second factor (issue 16): enrol (secret, otpauth URI, a code, recovery codes) or turn it off. */
export function AccountPage() {
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<readonly string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const start = (): void => {
    setRecovery(null);
    call('auth.totp.setup')
      .then(setEnrolment)
      .catch((err: unknown) => setNotice(message(err)));
  };
  const confirm = (e: FormEvent): void => {
    e.preventDefault();
    call('auth.totp.confirm', { body: { code: code.trim() } })
      .then((r) => {
        setRecovery(r.recoveryCodes);
        setEnrolment(null);
        setCode('');
        setNotice(A.totpEnabled);
      })
      .catch(() => setNotice(A.wrongCode));
  };
  const disable = (e: FormEvent): void => {
    e.preventDefault();
    call('auth.totp.disable', { body: { code: code.trim() } })
      .then(() => {
        setCode('');
        setNotice(A.totpDisabled);
      })
      .catch((err: unknown) => setNotice(message(err)));
  };

  return (
    <main className="wf-page admin-page">
      <WorkflowHeader title={A.accountTitle} />
      <section className="admin-panel" aria-label={A.totp} data-testid="account-totp">
        <h2>{A.totp}</h2>
        <p className="muted">{A.totpOptional}</p>
        {notice !== null && (
          <p role="status" className="admin-notice" data-testid="account-notice">
            {notice}
          </p>
        )}
        {enrolment === null ? (
          <div className="admin-form">
            <button type="button" onClick={start}>
              {A.totpStart}
            </button>
          </div>
        ) : (
          <TotpEnrolmentDetails enrolment={enrolment} />
        )}
        <form className="admin-form" onSubmit={enrolment === null ? disable : confirm}>
          <label>
            {A.code}
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <button type="submit" disabled={!/^\d{6}$/.test(code.trim())}>
            {enrolment === null ? A.totpTurnOff : A.totpConfirm}
          </button>
        </form>
        {recovery !== null && (
          <div className="admin-notice" data-testid="recovery-codes">
            <p>{A.recoveryTitle}</p>
            <ol className="login__codes">
              {recovery.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
    </main>
  );
}
