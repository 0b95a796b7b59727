import { useState, type FormEvent } from 'react';
import { S, W, WL } from '../i18n/strings';
import {
  commandBody,
  EMPTY_FIELDS,
  FIELDS_OF,
  type CaseCommandKind,
  type CommandFields,
} from './case-actions';

interface Props {
  readonly kind: CaseCommandKind;
  readonly busy: boolean;
  readonly onSubmit: (body: Record<string, unknown>) => void;
  readonly onCancel: () => void;
}

const LABEL: Record<keyof CommandFields, string> = {
  department: W.department,
  person: W.assignee,
  joint: W.jointMediation,
  outcome: S.outcome,
  satisfaction: W.satisfaction,
  reason: W.reason,
  toLevel: S.escalate,
};

function Control(props: {
  k: keyof CommandFields;
  f: CommandFields;
  set: (p: Partial<CommandFields>) => void;
  first: boolean;
}) {
  const { k, f, set, first } = props;
  switch (k) {
    case 'joint':
      return (
        <input
          type="checkbox"
          name={k}
          checked={f.joint}
          onChange={(e) => set({ joint: e.target.checked })}
          autoFocus={first}
        />
      );
    case 'outcome':
      return (
        <select
          name={k}
          value={f.outcome}
          onChange={(e) => set({ outcome: e.target.value as CommandFields['outcome'] })}
          autoFocus={first}
        >
          {(['mediated', 'adjudicated', 'withdrawn', 'referred'] as const).map((o) => (
            <option key={o} value={o}>
              {WL.outcome[o]}
            </option>
          ))}
        </select>
      );
    case 'satisfaction':
      return (
        <select
          name={k}
          value={f.satisfaction}
          onChange={(e) => set({ satisfaction: Number(e.target.value) })}
          autoFocus={first}
        >
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {'★'.repeat(n)}
            </option>
          ))}
        </select>
      );
    case 'toLevel':
      return (
        <select
          name={k}
          value={f.toLevel}
          onChange={(e) => set({ toLevel: e.target.value as CommandFields['toLevel'] })}
          autoFocus={first}
        >
          {(['township', 'county', 'city'] as const).map((l) => (
            <option key={l} value={l}>
              {WL.toLevel[l]}
            </option>
          ))}
        </select>
      );
    case 'department':
    case 'person':
    case 'reason':
      return (
        <input
          name={k}
          value={f[k]}
          maxLength={k === 'reason' ? 500 : 64}
          onChange={(e) => set({ [k]: e.target.value })}
          autoFocus={first}
        />
      );
  }
}

/** One action's fields; the first is focused, Enter sends, Escape closes. */
export function CaseActionForm({ kind, busy, onSubmit, onCancel }: Props) {
  const [f, setF] = useState<CommandFields>(EMPTY_FIELDS);
  const [missing, setMissing] = useState<keyof CommandFields | null>(null);
  const fields = FIELDS_OF[kind];
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const check = commandBody(kind, f);
    if (!check.ok) return setMissing(check.field);
    setMissing(null);
    onSubmit(check.body);
  };
  return (
    <form
      className="wf-form case-action-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      data-testid={`case-form-${kind}`}
    >
      <h3>{WL.command[kind]}</h3>
      {fields.map((k, i) => (
        <label key={k} className={k === 'joint' ? 'wf-check' : undefined}>
          {LABEL[k]}
          <Control k={k} f={f} set={(p) => setF({ ...f, ...p })} first={i === 0} />
          {missing === k && (
            <span className="form-error" role="alert">
              {W.errRequired}
            </span>
          )}
        </label>
      ))}
      <div className="wf-table__actions">
        <button type="submit" disabled={busy} autoFocus={fields.length === 0}>
          {S.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {S.cancel}
        </button>
      </div>
    </form>
  );
}
