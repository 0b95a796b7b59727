import { useState, type FormEvent } from 'react';
import { type TransitionResponse } from '@fengqiao/contracts';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { R } from './roster-strings';
import './roster.css';

/** Opened from a notification after sign-in: acknowledges the alert as the person it was sent to. */
export function AckLinkPage({ token }: { readonly token: string }) {
  const [note, setNote] = useState('');
  const [done, setDone] = useState<TransitionResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('alerts.ackLink', { body: { token, ...(note.trim() === '' ? {} : { note: note.trim() }) } })
      .then(setDone)
      .catch((err: unknown) =>
        setError(err instanceof ApiRequestError ? (R.ackErrors[err.code] ?? err.message) : String(err)),
      );
  };
  return (
    <main className="ack" data-testid="ack-page">
      <h1>{R.ackTitle}</h1>
      {done !== null ? (
        <p data-testid="ack-done">
          {R.ackDone} {done.alert.title} · v{done.alert.version} <a href="/duty">{R.ackToConsole}</a>
        </p>
      ) : (
        <form onSubmit={submit}>
          <label>
            {R.ackNote}
            <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="ack-note" />
          </label>
          <button type="submit" data-testid="ack-submit">
            {R.ackButton}
          </button>
          {error !== null && (
            <p role="alert" data-testid="ack-error">
              {error}
            </p>
          )}
        </form>
      )}
    </main>
  );
}
