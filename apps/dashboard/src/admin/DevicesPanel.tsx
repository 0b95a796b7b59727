import { useState, type FormEvent } from 'react';
import { type DeviceTokenInfo } from '@fengqiao/contracts';
import { call } from '../api/call';
import { formatInstant } from '../cases/case-view';
import { usePolled } from '../common/hooks';
import { A } from './admin-strings';
import { enrolLink } from './user-form';

const at = (iso: string | null): string => (iso === null ? A.never : formatInstant(iso, 'zh'));

/** Wall displays' device tokens: make one (shown once, with the enrolment link), revoke one. */
export function DevicesPanel() {
  const [version, setVersion] = useState(0);
  const [username, setUsername] = useState('wall');
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = usePolled((s) => call('auth.deviceTokens.list', {}, s), 30_000, String(version));

  const create = (e: FormEvent): void => {
    e.preventDefault();
    setError(null);
    const expiresInDays = days.trim() === '' ? undefined : Number(days);
    call('auth.deviceTokens.create', {
      body: { username: username.trim(), label, ...(expiresInDays === undefined ? {} : { expiresInDays }) },
    })
      .then((r) => {
        setCreated(r.deviceToken);
        setLabel('');
        setVersion((v) => v + 1);
      })
      .catch((err: unknown) => setError(A.failed(err instanceof Error ? err.message : String(err))));
  };
  const revoke = (t: DeviceTokenInfo): void => {
    call('auth.deviceTokens.revoke', { params: { tokenId: t.tokenId } })
      .then(() => setVersion((v) => v + 1))
      .catch((err: unknown) => setError(A.failed(err instanceof Error ? err.message : String(err))));
  };

  return (
    <section className="admin-panel" aria-label={A.devices} data-testid="devices-panel">
      <h2>{A.devices}</h2>
      <form className="admin-form" onSubmit={create} aria-label={A.createToken}>
        <label>
          {A.wallUser}
          <input name="wallUser" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {A.label}
          <input name="label" value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label>
          {A.expiresInDays}
          <input
            name="expiresInDays"
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <button type="submit" disabled={label.trim() === ''}>
          {A.createToken}
        </button>
      </form>
      {error !== null && <p className="form-error">{error}</p>}
      {created !== null && (
        <div className="admin-notice" role="status">
          <p>{A.tokenOnce}</p>
          <code data-testid="device-token">{created}</code>
          <p>
            <a href={enrolLink(window.location.origin, created)}>
              {enrolLink(window.location.origin, created)}
            </a>
          </p>
        </div>
      )}
      <table className="wf-table" data-testid="devices-table">
        <thead>
          <tr>
            <th scope="col">{A.label}</th>
            <th scope="col">{A.wallUser}</th>
            <th scope="col">{A.created}</th>
            <th scope="col">{A.lastUsed}</th>
            <th scope="col">{A.status}</th>
            <th scope="col">{A.actions}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((t) => (
            <tr key={t.tokenId} data-label={t.label}>
              <td>{t.label}</td>
              <td>{t.username}</td>
              <td>{at(t.createdAt)}</td>
              <td>{at(t.lastUsedAt)}</td>
              <td>{t.revokedAt === null ? A.active : `${A.revoked} ${at(t.revokedAt)}`}</td>
              <td>
                {t.revokedAt === null && (
                  <button type="button" onClick={() => revoke(t)}>
                    {A.revoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
