import { useState, type FormEvent } from 'react';
import { type LoginChallenge } from '@fengqiao/contracts';
import { A } from '../admin/admin-strings';
import { navigate } from '../app/router';
import { AppTitle } from '../common/AppTitle';
import { S } from '../i18n/strings';
import { LoginSteps } from './LoginSteps';
import { login, SignInError } from './session';

/** Where to go after signing in: only same-site paths, never an absolute URL from the query. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage({ search }: { readonly search: string }) {
  const next = safeNext(search);
  const [username, setUsername] = useState(next.startsWith('/wall') ? 'wall' : '');
  const [password, setPassword] = useState('');
  // null: no failure shown; a number: the seconds the server asked us to wait; 0: a plain failure.
  const [failure, setFailure] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // A new password or the second factor still to come (issue 16).
  const [step, setStep] = useState<LoginChallenge | null>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    login(username, password)
      .then((r) => (r.kind === 'step' ? setStep(r.challenge) : navigate(next, { replace: true })))
      .catch((err: unknown) => setFailure(err instanceof SignInError ? (err.retryAfter ?? 0) : 0))
      .finally(() => setBusy(false));
  };

  if (step !== null)
    return (
      <main className="login">
        <LoginSteps challenge={step} username={username} onDone={() => navigate(next, { replace: true })} />
      </main>
    );
  return (
    <main className="login">
      <form className="login__form" onSubmit={submit} aria-label={S.login}>
        <h1>
          <AppTitle />
        </h1>
        <p>{next.startsWith('/wall') ? S.kioskLogin : S.appSubtitle}</p>
        <label>
          {S.username}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {S.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
          />
        </label>
        {failure !== null && (
          <p role="alert" className="login__error">
            {failure > 0 ? S.loginRetryIn(failure) : S.loginFailed}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {S.login}
        </button>
        {next.startsWith('/wall') && <a href="/enrol">{A.enrolTitle}</a>}
      </form>
    </main>
  );
}
