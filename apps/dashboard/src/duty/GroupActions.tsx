import { useState } from 'react';
import {
  GROUP_COMMAND_MAX_MEMBERS,
  type AlertGroupView as AlertGroup,
  type GroupCommandResponse,
} from '@fengqiao/contracts';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { G } from '../live/group-strings';
import { chunksOf } from '../live/server-groups';

type Form = 'none' | 'acknowledge' | 'silence';

type Member = AlertGroup['memberRefs'][number];

function sendPart(members: Member[], form: Exclude<Form, 'none'>, note: string, minutes: number) {
  const trimmed = note.trim();
  return form === 'acknowledge'
    ? call('alerts.groups.acknowledge', { body: trimmed === '' ? { members } : { members, note: trimmed } })
    : call('alerts.groups.silence', { body: { members, minutes, note: trimmed } });
}

/** Every member the API counted (not only those shown), in requests of at most the command's limit. */
async function send(group: AlertGroup, form: Exclude<Form, 'none'>, note: string, minutes: number) {
  const all: GroupCommandResponse = { done: 0, results: [] };
  for (const part of chunksOf(group.memberRefs, GROUP_COMMAND_MAX_MEMBERS)) {
    const r = await sendPart(part, form, note, minutes);
    all.results.push(...r.results);
    all.done += r.done;
  }
  return all;
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
