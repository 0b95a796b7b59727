import { useState, type FormEvent } from 'react';
import { type DutyPerson } from '@fengqiao/contracts';
import { call } from '../api/call';
import { R } from './roster-strings';
import { type Shift } from './roster-grid';

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/** Set (or clear) who holds a region's shift on chosen weekdays, and one-day exceptions. */
export function RosterEditor({
  people,
  onSaved,
}: {
  readonly people: readonly DutyPerson[];
  readonly onSaved: () => void;
}) {
  const [regionCode, setRegion] = useState('');
  const [shift, setShift] = useState<Shift>('day');
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [primary, setPrimary] = useState('');
  const [backup, setBackup] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const run = (work: () => Promise<unknown>) => (e: FormEvent) => {
    e.preventDefault();
    work()
      .then(() => {
        setMessage(R.saved);
        onSaved();
      })
      .catch((err: unknown) => setMessage(err instanceof Error ? err.message : String(err)));
  };
  const holders = { primaryUserId: primary, backupUserId: backup === '' ? null : backup };
  const save = run(() =>
    call('duty.rosters.set', { body: { regionCode, shift, weekdays: days, ...holders } }),
  );
  const clear = run(() => call('duty.rosters.clear', { body: { regionCode, shift, weekdays: days } }));
  const except = run(() =>
    call('duty.exceptions.set', { body: { regionCode, shift, date, reason, ...holders } }),
  );
  const person = (value: string, set: (v: string) => void, label: string, testId: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)} data-testid={testId}>
        <option value="">{R.none}</option>
        {people.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.displayName}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="roster-editor" onSubmit={save} data-testid="roster-editor">
      <h3>{R.edit}</h3>
      <label>
        {R.regionCode}
        <input
          value={regionCode}
          onChange={(e) => setRegion(e.target.value.trim())}
          data-testid="roster-region"
        />
      </label>
      <label>
        {R.shift}
        <select value={shift} onChange={(e) => setShift(e.target.value as Shift)} data-testid="roster-shift">
          <option value="day">{R.shifts.day}</option>
          <option value="night">{R.shifts.night}</option>
        </select>
      </label>
      <fieldset className="roster-editor__days">
        {ALL_DAYS.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={days.includes(d)}
              onChange={(e) => setDays(e.target.checked ? [...days, d].sort() : days.filter((x) => x !== d))}
            />
            {R.weekdays[d]}
          </label>
        ))}
      </fieldset>
      {person(primary, setPrimary, R.primary, 'roster-primary')}
      {person(backup, setBackup, R.backup, 'roster-backup')}
      <div className="roster-editor__buttons">
        <button type="submit" data-testid="roster-save">
          {R.save}
        </button>
        <button type="button" onClick={clear}>
          {R.clear}
        </button>
      </div>
      <h4>{R.exceptionTitle}</h4>
      <label>
        {R.date}
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {R.reason}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" onClick={except}>
        {R.save}
      </button>
      {message !== null && (
        <p className="roster-editor__message" role="status" data-testid="roster-message">
          {message}
        </p>
      )}
    </form>
  );
}
