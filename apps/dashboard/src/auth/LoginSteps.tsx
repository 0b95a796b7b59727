import { useState, type FormEvent } from 'react';
import { passwordProblems, type LoginChallenge } from '@fengqiao/contracts';
import { A, PASSWORD_PROBLEM_ZH } from '../admin/admin-strings';
import '../admin/admin.css';
import { TotpEnrolmentDetails } from '../admin/TotpQr';
import { signInStep, SignInError, type SignInResult } from './session';

interface StepProps {
  readonly challenge: LoginChallenge;
  readonly username: string;
  /** Signed in; `recoveryCodes` were shown and acknowledged. */
  readonly onDone: () => void;
}

function failureText(err: unknown): string {
  if (!(err instanceof SignInError)) return A.stepExpired;
  if (err.retryAfter !== undefined) return `${A.wrongCode}：请在 ${err.retryAfter} 秒后重试`;
  if (err.status === 400) return PASSWORD_PROBLEM_ZH['same-as-before'];
  return A.wrongCode;
}

/** The sign-in's later steps (issue 16): a new password, the second factor or its enrolment. */
export function LoginSteps({ challenge, username, onDone }: StepProps) {
  const [current, setCurrent] = useState(challenge);
  const [recovery, setRecovery] = useState<readonly string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (work: Promise<SignInResult>): void => {
    setBusy(true);
    setError(null);
    work
      .then((r) => {
        if (r.kind === 'step') setCurrent(r.challenge);
        else if (r.recoveryCodes !== undefined) setRecovery(r.recoveryCodes);
        else onDone();
      })
      .catch((err: unknown) => setError(failureText(err)))
      .finally(() => setBusy(false));
  };

  if (recovery !== null) return <RecoveryCodes codes={recovery} onDone={onDone} />;
  if (current.next === 'password-change')
    return (
      <NewPasswordForm
        username={username}
        busy={busy}
        error={error}
        onSubmit={(newPassword) =>
          run(signInStep('auth.login.password', { challenge: current.challenge, newPassword }))
        }
      />
    );
  return (
    <CodeForm
      challenge={current}
      busy={busy}
      error={error}
      onSubmit={(code) => run(signInStep('auth.login.totp', { challenge: current.challenge, code }))}
    />
  );
}

interface FormProps<T> {
  readonly busy: boolean;
  readonly error: string | null;
  readonly onSubmit: (value: T) => void;
}

function NewPasswordForm({
  username,
  busy,
  error,
  onSubmit,
}: FormProps<string> & { readonly username: string }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const problems = password === '' ? [] : passwordProblems(password, username);
  const mismatch = repeat !== '' && repeat !== password;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (problems.length === 0 && !mismatch && password !== '') onSubmit(password);
  };
  return (
    <form
      className="login__form"
      onSubmit={submit}
      aria-label={A.newPasswordTitle}
      data-testid="step-password"
    >
      <h1>{A.newPasswordTitle}</h1>
      <label>
        {A.newPassword}
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
        />
      </label>
      <label>
        {A.repeatPassword}
        <input
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </label>
      <ul className="login__rules">
        {problems.map((p) => (
          <li key={p}>{PASSWORD_PROBLEM_ZH[p]}</li>
        ))}
        {mismatch && <li>{A.mismatch}</li>}
      </ul>
      {error !== null && (
        <p role="alert" className="login__error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || problems.length > 0 || mismatch || password === ''}>
        {A.next}
      </button>
    </form>
  );
}

function CodeForm({
  challenge,
  busy,
  error,
  onSubmit,
}: FormProps<string> & { readonly challenge: LoginChallenge }) {
  const [code, setCode] = useState('');
  const enrolment = challenge.enrolment;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onSubmit(code.trim());
  };
  return (
    <form className="login__form" onSubmit={submit} aria-label={A.totpTitle} data-testid="step-totp">
      <h1>{enrolment === undefined ? A.totpTitle : A.enrolTotpTitle}</h1>
      <p>{enrolment === undefined ? A.totpHint : A.enrolTotpHint}</p>
      {enrolment !== undefined && <TotpEnrolmentDetails enrolment={enrolment} />}
      <label>
        {A.code}
        <input
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoFocus
        />
      </label>
      {error !== null && (
        <p role="alert" className="login__error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || code.trim() === ''}>
        {A.next}
      </button>
    </form>
  );
}

function RecoveryCodes({
  codes,
  onDone,
}: {
  readonly codes: readonly string[];
  readonly onDone: () => void;
}) {
  return (
    <section className="login__form" data-testid="recovery-codes">
      <h1>{A.recoveryTitle}</h1>
      <ol className="login__codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onDone}>
        {A.recoverySaved}
      </button>
    </section>
  );
}
