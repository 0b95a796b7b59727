import { useEffect, useState, type FormEvent } from 'react';
import { NOTIFY_CHANNELS, type NotificationPreference } from '@fengqiao/contracts';
import { call } from '../api/call';
import { R } from './roster-strings';

/** The signed-in officer's own channel, address and quiet period. */
export function PreferenceForm() {
  const [pref, setPref] = useState<NotificationPreference>({
    channel: 'email',
    address: '',
    quietFrom: null,
    quietTo: null,
  });
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    call('notify.preference', undefined, controller.signal)
      .then((r) => r.preference !== null && setPref(r.preference))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  const save = (e: FormEvent) => {
    e.preventDefault();
    call('notify.preference.set', { body: pref })
      .then(() => setMessage(R.saved))
      .catch((err: unknown) => setMessage(err instanceof Error ? err.message : String(err)));
  };
  const time = (v: string) => (v === '' ? null : v);
  return (
    <form className="roster-pref" onSubmit={save} data-testid="notify-preference">
      <h3>{R.myChannel}</h3>
      <label>
        {R.channel}
        <select
          value={pref.channel}
          onChange={(e) => setPref({ ...pref, channel: e.target.value as NotificationPreference['channel'] })}
        >
          {NOTIFY_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {R.channels[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {R.address}
        <input value={pref.address} onChange={(e) => setPref({ ...pref, address: e.target.value })} />
      </label>
      <label>
        {R.quiet}
        <span className="roster-pref__quiet">
          <input
            type="time"
            value={pref.quietFrom ?? ''}
            onChange={(e) => setPref({ ...pref, quietFrom: time(e.target.value) })}
          />
          –
          <input
            type="time"
            value={pref.quietTo ?? ''}
            onChange={(e) => setPref({ ...pref, quietTo: time(e.target.value) })}
          />
        </span>
      </label>
      <button type="submit">{R.save}</button>
      {message !== null && <p role="status">{message}</p>}
    </form>
  );
}
