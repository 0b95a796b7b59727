import { useState, type FormEvent } from 'react';
import { RESOLUTION_OUTCOMES, type Alert } from '@fengqiao/contracts';
import { currentLang, L, S } from '../i18n/strings';
import {
  checkCommand,
  DEFAULT_ACK_NOTE,
  nextEscalationLevel,
  type CommandKind,
  type DutyCommand,
} from './commands';
import { dispatchOptions } from './dispatch';
import { D } from './duty-strings';
import { useDispatchNames } from './useDispatchNames';

const lang = currentLang(window.location.search);

interface Props {
  readonly alert: Alert;
  readonly kind: CommandKind;
  readonly onSubmit: (cmd: DutyCommand) => void;
  readonly onCancel: () => void;
}

function toCommand(
  alert: Alert,
  kind: CommandKind,
  f: { note: string; unit: string; outcome: string; minutes: string },
): DutyCommand {
  const note = f.note.trim() === '' ? undefined : f.note.trim();
  switch (kind) {
    case 'acknowledge':
      return { kind, note };
    case 'dispatch':
      return { kind, unit: f.unit.trim(), note };
    case 'resolve':
      return { kind, outcome: f.outcome as NonNullable<Alert['outcome']>, note };
    case 'silence':
      return { kind, minutes: Number(f.minutes), note: f.note.trim() };
    case 'escalate': {
      const toLevel = nextEscalationLevel(alert);
      return toLevel === undefined ? { kind, note: f.note.trim() } : { kind, note: f.note.trim(), toLevel };
    }
  }
}

/** "上报至区县" for an alert at township level; the refusal at city level. */
export function escalateLabel(alert: Alert): string {
  const next = nextEscalationLevel(alert);
  return next === undefined ? D.escalateTop : D.escalateTo(D.level[next]);
}

function problemText(
  cmd: DutyCommand,
  reason: 'state' | 'note' | 'red-silence' | 'top-level' | 'unit',
): string {
  if (reason === 'note') return cmd.kind === 'escalate' ? D.escalateNoteRequired : S.noteRequired;
  if (reason === 'unit') return S.unit;
  return reason === 'top-level' ? D.escalateTop : reason;
}

/** The form of one action; its main field is focused, Enter submits, Escape cancels. */
export function ActionForm({ alert, kind, onSubmit, onCancel }: Props) {
  const units = dispatchOptions(alert, useDispatchNames(alert));
  const [f, setF] = useState({
    note: kind === 'acknowledge' ? DEFAULT_ACK_NOTE[lang] : '',
    unit: units[0]?.value ?? '',
    outcome: 'real-incident',
    minutes: '30',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const cmd = toCommand(alert, kind, f);
    const check = checkCommand(alert, cmd);
    if (!check.ok) return setProblem(problemText(cmd, check.reason));
    onSubmit(cmd);
  };

  return (
    <form
      className="action-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      data-testid={`form-${kind}`}
    >
      {kind === 'escalate' && (
        <p className="action-form__target" data-testid="escalate-target">
          {escalateLabel(alert)}
        </p>
      )}
      {kind === 'dispatch' && (
        <label>
          {D.dispatchUnit}
          <select name="unit" value={f.unit} onChange={set('unit')} autoFocus>
            {units.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'resolve' && (
        <label>
          {S.outcome}
          <select name="outcome" value={f.outcome} onChange={set('outcome')}>
            {RESOLUTION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {L.outcome[o]}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'silence' && (
        <label>
          min
          <input
            name="minutes"
            type="number"
            min={5}
            max={1440}
            value={f.minutes}
            onChange={set('minutes')}
          />
        </label>
      )}
      <label>
        {S.note}
        <input name="note" value={f.note} onChange={set('note')} autoFocus={kind !== 'dispatch'} />
      </label>
      {problem !== null && <p role="alert">{problem}</p>}
      <button type="submit">{S.submit} ⏎</button>
      <button type="button" onClick={onCancel}>
        {S.cancel} Esc
      </button>
    </form>
  );
}
