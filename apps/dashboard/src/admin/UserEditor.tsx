import { useState, type FormEvent } from 'react';
import { type UserInfo, type UserRole } from '@fengqiao/contracts';
import { A, ROLE_ZH } from './admin-strings';
import { parseRegions, ROLE_ORDER } from './user-form';

export interface UserDraft {
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly regions: string[];
  readonly reason: string;
}

/** Create (no `user`) or change an account: name, role, regions, and why (audited). */
export function UserEditor({
  user,
  busy,
  onSave,
  onCancel,
}: {
  readonly user?: UserInfo;
  readonly busy: boolean;
  readonly onSave: (d: UserDraft) => void;
  readonly onCancel: () => void;
}) {
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<UserRole>(user?.role ?? 'duty-officer');
  const [regions, setRegions] = useState(user?.regions.join(', ') ?? '');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onSave({
      username: username.trim(),
      displayName: displayName.trim(),
      role,
      regions: parseRegions(regions),
      reason,
    });
  };
  return (
    <form
      className="admin-form"
      onSubmit={submit}
      data-testid="user-editor"
      aria-label={user === undefined ? A.create : A.edit}
    >
      <label>
        {A.username}
        <input
          name="username"
          value={username}
          disabled={user !== undefined}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label>
        {A.displayName}
        <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        {A.role}
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
          {ROLE_ORDER.map((r) => (
            <option key={r} value={r}>
              {ROLE_ZH[r]}
            </option>
          ))}
        </select>
      </label>
      <label title={A.regionsHint}>
        {A.regions}
        <input
          name="regions"
          value={regions}
          placeholder={A.regionsHint}
          onChange={(e) => setRegions(e.target.value)}
        />
      </label>
      <label>
        {A.reason}
        <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || reason.trim().length < 2}>
        {A.save}
      </button>
      <button type="button" onClick={onCancel}>
        {A.cancel}
      </button>
    </form>
  );
}
