import { useState } from 'react';
import { call } from '../api/call';
import { AppTitle } from '../common/AppTitle';
import { usePolled } from '../common/hooks';
import { S } from '../i18n/strings';
import { OnDutyNow } from './OnDutyNow';
import { PreferenceForm } from './PreferenceForm';
import { RosterEditor } from './RosterEditor';
import { rosterGridOf } from './roster-grid';
import { R } from './roster-strings';
import './roster.css';

/** Rosters: who is on now, the weekly pattern per region and shift, exceptions, editing, my channel. */
export function RosterPage() {
  const [version, setVersion] = useState(0);
  const roster = usePolled((signal) => call('duty.rosters', { query: {} }, signal), 60_000, String(version));
  const people = usePolled((signal) => call('duty.candidates', undefined, signal), 300_000);
  const rows = rosterGridOf(roster.data?.patterns ?? []);
  const exceptions = roster.data?.exceptions ?? [];
  return (
    <div className="roster" data-testid="roster-page">
      <header className="roster__header">
        <h1>{R.title}</h1>
        <a href="/duty">{S.navDuty}</a>
        <a href="/">
          <AppTitle />
        </a>
      </header>
      <div className="roster__body">
        <div className="roster__main">
          <OnDutyNow key={version} />
          <section>
            <h3>{R.weekly}</h3>
            <table className="roster__grid" data-testid="roster-grid">
              <thead>
                <tr>
                  <th>{R.region}</th>
                  <th>{R.shift}</th>
                  {R.weekdays.map((d) => (
                    <th key={d}>{d}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.regionCode}:${r.shift}`}>
                    <td>{r.regionCode}</td>
                    <td>{R.shiftShort[r.shift]}</td>
                    {r.days.map((d, i) => (
                      <td key={i} className={d === undefined ? 'roster__gap' : undefined}>
                        {d === undefined ? (
                          R.none
                        ) : (
                          <>
                            <strong>{d.primary.displayName}</strong>
                            <small>{d.backup?.displayName ?? R.none}</small>
                          </>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {exceptions.length > 0 && (
            <section>
              <h3>{R.exceptionTitle}</h3>
              <ul className="roster__exceptions">
                {exceptions.map((e) => (
                  <li key={`${e.regionCode}:${e.shift}:${e.date}`}>
                    {e.date} {e.regionCode} {R.shiftShort[e.shift]}: <strong>{e.primary.displayName}</strong>{' '}
                    / {e.backup?.displayName ?? R.none} · {e.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <aside className="roster__side">
          <RosterEditor people={people.data?.items ?? []} onSaved={() => setVersion((v) => v + 1)} />
          <PreferenceForm />
        </aside>
      </div>
    </div>
  );
}
