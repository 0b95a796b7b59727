import { useState, type FormEvent } from 'react';
import { deviceTokenSchema } from '@fengqiao/contracts';
import { A } from '../admin/admin-strings';
import '../admin/admin.css';
import { navigate } from '../app/router';
import { AppTitle } from '../common/AppTitle';
import { enrol } from './device';
import { SignInError } from './session';

/** A token handed over in the link (`/enrol#fqd_…`): in the fragment, never sent to a server log. */
function tokenFromLink(): string {
  const hash = window.location.hash.slice(1);
  return deviceTokenSchema.safeParse(hash).success ? hash : '';
}

/**
 * The wall's enrolment page (issue 16): paste the device token an administrator made, once; the
 * display keeps it and comes back to the wall by itself after every restart.
 */
export function EnrolPage({ search }: { readonly search: string }) {
  const [token, setToken] = useState(tokenFromLink);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const revoked = new URLSearchParams(search).get('revoked') === '1';

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    enrol(token.trim())
      .then(() => navigate('/wall', { replace: true }))
      .catch((err: unknown) =>
        setError(err instanceof SignInError && err.status === 0 ? A.enrolOffline : A.enrolFailed),
      )
      .finally(() => setBusy(false));
  };

  return (
    <main className="login">
      <form className="login__form" onSubmit={submit} aria-label={A.enrolTitle} data-testid="enrol-form">
        <h1>
          <AppTitle />
        </h1>
        <p>{A.enrolTitle}</p>
        {revoked && (
          <p role="status" className="login__error" data-testid="enrol-revoked">
            {A.enrolRevoked}
          </p>
        )}
        <p className="login__hint">{A.enrolHint}</p>
        <label>
          {A.deviceToken}
          <input
            name="deviceToken"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoFocus
          />
        </label>
        {error !== null && (
          <p role="alert" className="login__error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || token.trim() === ''}>
          {A.enrolButton}
        </button>
      </form>
    </main>
  );
}
