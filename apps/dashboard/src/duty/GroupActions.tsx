import { useState } from 'react';
import { type GroupCommandResponse } from '@fengqiao/contracts';
import { type AlertGroup } from '@fengqiao/domain';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { G } from '../live/group-strings';

type Form = 'none' | 'acknowledge' | 'silence';

const membersOf = (g: AlertGroup) => g.members.map((m) => ({ alertId: m.alertId, version: m.version }));

function send(group: AlertGroup, form: Exclude<Form, 'none'>, note: string, minutes: number) {
  const members = membersOf(group);
  const trimmed = note.trim();
  return form === 'acknowledge'
    ? call('alerts.groups.acknowledge', { body: trimmed === '' ? { members } : { members, note: trimmed } })
    : call('alerts.groups.silence', { body: { members, minutes, note: trimmed } });
}

/**
 * Acknowledge or silence a whole group: one request, every member acted on and audited one by one
 * by the API; the members' new states arrive on the live stream like any other change.
 */
export function GroupActions({ group }: { readonly group: AlertGroup }) {
  const [form, setForm] = useState<Form>('none');
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (): void => {
    if (form === 'none') return;
    if (form === 'silence' && note.trim() === '') return setResult(G.noteRequired);
    setBusy(true);
    send(group, form, note, minutes)
      .then((r: GroupCommandResponse) => setResult(G.done(r.done, r.results.length)))
      .catch((e: unknown) => setResult(e instanceof ApiRequestError ? `${e.code}: ${e.message}` : String(e)))
      .finally(() => {
        setBusy(false);
        setForm('none');
      });
  };
  return (
    <div className="group-actions" data-testid="group-actions">
      {form === 'none' ? (
        <>
          <button type="button" onClick={() => setForm('acknowledge')} data-testid="group-acknowledge">
            {G.ackGroup(group.count)}
          </button>
          <button type="button" onClick={() => setForm('silence')} data-testid="group-silence">
            {G.silenceGroup(group.count)}
          </button>
        </>
      ) : (
        <form
          data-testid={`group-form-${form}`}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {form === 'silence' && (
            <label>
              {G.silenceMinutes}
              <input
                type="number"
                name="minutes"
                min={5}
                max={1440}
                value={minutes}
                onChange={(e) => setMinutes(Number(e.target.value))}
              />
            </label>
          )}
          <label>
            {G.note}
            <input name="note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            {G.send}
          </button>
          <button type="button" onClick={() => setForm('none')}>
            {G.cancel}
          </button>
        </form>
      )}
      {result !== null && (
        <span className="group-actions__result" data-testid="group-result">
          {result}
        </span>
      )}
    </div>
  );
}
