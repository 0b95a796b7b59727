import { useState } from 'react';
import { USER_ROLES, type UserInfo, type UserListQuery, type UserRole } from '@fengqiao/contracts';
import { call } from '../api/call';
import { usePolled } from '../common/hooks';
import { A, ROLE_ZH } from './admin-strings';
import { regionsText } from './user-form';
import { type UserDraft, UserEditor } from './UserEditor';

type Action = 'disable' | 'enable' | 'resetPassword' | 'resetTotp';
const ACTION_ROUTE = {
  disable: 'users.disable',
  enable: 'users.enable',
  resetPassword: 'users.resetPassword',
  resetTotp: 'users.resetTotp',
} as const;
const ACTION_LABEL: Record<Action, string> = {
  disable: A.disable,
  enable: A.enable,
  resetPassword: A.resetPassword,
  resetTotp: A.resetTotp,
};

type Filters = Pick<UserListQuery, 'role' | 'status' | 'text' | 'region'>;

function queryOf(f: Filters): Partial<UserListQuery> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== ''));
}

/** Accounts: filters, the list, and each change with its reason (the account administrator's). */
export function UsersPanel() {
  const [filters, setFilters] = useState<Filters>({});
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<UserInfo | 'new' | null>(null);
  const [pending, setPending] = useState<{ user: UserInfo; action: Action } | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = usePolled(
    (s) => call('users.list', { query: queryOf(filters) }, s),
    30_000,
    JSON.stringify(filters) + String(version),
  );

  const run = (work: () => Promise<{ user: UserInfo; temporaryPassword?: string }>): void => {
    setBusy(true);
    work()
      .then((r) => {
        setNotice(
          r.temporaryPassword === undefined
            ? A.changed(r.user.username)
            : A.temporaryPassword(r.user.username, r.temporaryPassword),
        );
        setEditing(null);
        setPending(null);
        setReason('');
        setVersion((v) => v + 1);
      })
      .catch((err: unknown) => setNotice(A.failed(err instanceof Error ? err.message : String(err))))
      .finally(() => setBusy(false));
  };
  const save = (d: UserDraft): void => {
    if (editing === 'new') run(() => call('users.create', { body: d }));
    else if (editing !== null)
      run(() =>
        call('users.update', {
          params: { userId: editing.userId },
          body: { displayName: d.displayName, role: d.role, regions: d.regions, reason: d.reason },
        }),
      );
  };
  const confirm = (): void => {
    if (pending !== null)
      run(() =>
        call(ACTION_ROUTE[pending.action], { params: { userId: pending.user.userId }, body: { reason } }),
      );
  };
  const set = (patch: Partial<Filters>): void => setFilters((f) => ({ ...f, ...patch }));

  return (
    <section className="admin-panel" aria-label={A.users} data-testid="users-panel">
      <h2>{A.users}</h2>
      <div className="admin-filters">
        <select
          aria-label={A.role}
          value={filters.role ?? ''}
          onChange={(e) => set({ role: (e.target.value || undefined) as UserRole | undefined })}
        >
          <option value="">{A.allRoles}</option>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_ZH[r]}
            </option>
          ))}
        </select>
        <select
          aria-label={A.status}
          value={filters.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || undefined) as Filters['status'] })}
        >
          <option value="">{A.allStatuses}</option>
          <option value="active">{A.active}</option>
          <option value="disabled">{A.disabled}</option>
        </select>
        <input
          aria-label={A.search}
          placeholder={A.search}
          value={filters.text ?? ''}
          onChange={(e) => set({ text: e.target.value })}
        />
        <input
          aria-label={A.regionFilter}
          placeholder={A.regionFilter}
          value={filters.region ?? ''}
          onChange={(e) => set({ region: e.target.value })}
        />
        <button type="button" onClick={() => setEditing('new')}>
          {A.create}
        </button>
      </div>
      {notice !== null && (
        <p role="status" className="admin-notice" data-testid="admin-notice">
          {notice}
        </p>
      )}
      {list.error !== undefined && <p className="form-error">{list.error}</p>}
      {editing !== null && (
        <UserEditor
          user={editing === 'new' ? undefined : editing}
          busy={busy}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {pending !== null && (
        <div className="admin-form" data-testid="action-confirm">
          <span>
            {ACTION_LABEL[pending.action]} · {pending.user.username}
          </span>
          <label>
            {A.reason}
            <input name="actionReason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </label>
          <button type="button" disabled={busy || reason.trim().length < 2} onClick={confirm}>
            {A.save}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {A.cancel}
          </button>
        </div>
      )}
      <p className="muted">{A.total(list.data?.total ?? 0)}</p>
      <UsersTable
        items={list.data?.items ?? []}
        onEdit={setEditing}
        onAction={(user, action) => setPending({ user, action })}
      />
    </section>
  );
}

function UsersTable({
  items,
  onEdit,
  onAction,
}: {
  readonly items: readonly UserInfo[];
  readonly onEdit: (u: UserInfo) => void;
  readonly onAction: (u: UserInfo, a: Action) => void;
}) {
  return (
    <table className="wf-table" data-testid="users-table">
      <thead>
        <tr>
          <th scope="col">{A.username}</th>
          <th scope="col">{A.displayName}</th>
          <th scope="col">{A.role}</th>
          <th scope="col">{A.regions}</th>
          <th scope="col">{A.status}</th>
          <th scope="col">{A.totp}</th>
          <th scope="col">{A.actions}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((u) => (
          <tr key={u.userId} data-username={u.username}>
            <td>{u.username}</td>
            <td>{u.displayName}</td>
            <td>{ROLE_ZH[u.role]}</td>
            <td>{regionsText(u.regions, A.city)}</td>
            <td>
              {u.disabled ? A.disabled : A.active}
              {u.mustChangePassword && <span className="muted"> · {A.mustChange}</span>}
            </td>
            <td>{u.totpEnabled ? A.totpOn : A.totpOff}</td>
            <td className="admin-actions">
              <button type="button" onClick={() => onEdit(u)}>
                {A.edit}
              </button>
              <button type="button" onClick={() => onAction(u, u.disabled ? 'enable' : 'disable')}>
                {u.disabled ? A.enable : A.disable}
              </button>
              <button type="button" onClick={() => onAction(u, 'resetPassword')}>
                {A.resetPassword}
              </button>
              {u.totpEnabled && (
                <button type="button" onClick={() => onAction(u, 'resetTotp')}>
                  {A.resetTotp}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
