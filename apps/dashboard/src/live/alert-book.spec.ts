import { LIVE_RESUME_MARGIN, type Alert, type AlertChanged } from '@fengqiao/contracts';
import {
  applyChange,
  countOpenByColour,
  emptyBook,
  formatAge,
  isFlashing,
  mergeSnapshot,
  openAlertsInOrder,
  resync,
  upsertAlert,
} from './alert-book';

let n = 0;
function alert(overrides: Partial<Alert> = {}): Alert {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    alertId: id,
    dedupKey: `k${n}`,
    ruleId: 'r',
    ruleVersion: 1,
    colour: 'orange',
    state: 'raised',
    version: 1,
    title: 't',
    region: { county: '511902' },
    escalationLevel: 'grid',
    raisedAt: `2026-11-27T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-11-27T00:00:00.000Z',
    explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
    ...overrides,
  };
}
const change = (a: Alert, seq: number): AlertChanged => ({
  schema: 'alert.changed.v1',
  eventId: '00000000-0000-4000-8000-000000000000',
  occurredAt: a.updatedAt,
  seq,
  change: 'raised',
  alert: a,
});

describe('the alert book of a live screen', () => {
  it('keeps one entry per alert and ignores a change it already has (replay after reconnect)', () => {
    const a = alert();
    let book = applyChange(emptyBook(), change(a, 7));
    book = applyChange(book, change(a, 7));
    expect(book.alerts.size).toBe(1);
    expect(book.duplicates).toBe(1);
    expect(book.lastSeq).toBe(7);
  });

  it('moves its revision for a change below the highest seq seen, which leaves lastSeq where it was', () => {
    // A replay after a reconnect reached seq 900; the acknowledgement committed later carries 800.
    const replayed = alert();
    const raised = alert();
    let book = applyChange(emptyBook(), change(replayed, 900));
    book = applyChange(book, change(raised, 799));
    const before = book.revision;
    book = applyChange(book, change({ ...raised, version: 2, state: 'acknowledged' as const }, 800));
    expect(book.lastSeq).toBe(900);
    expect(book.alerts.get(raised.alertId)?.state).toBe('acknowledged');
    expect(book.revision).toBeGreaterThan(before);
    // A duplicate changes nothing, so nothing needs asking again.
    const same = applyChange(book, change({ ...raised, version: 2, state: 'acknowledged' as const }, 800));
    expect(same.revision).toBe(book.revision);
  });

  it('never goes back to an older version, whichever order changes arrive in', () => {
    const v1 = alert();
    const v2 = { ...v1, version: 2, state: 'acknowledged' as const };
    const book = applyChange(applyChange(emptyBook(), change(v2, 9)), change(v1, 8));
    expect(book.alerts.get(v1.alertId)?.state).toBe('acknowledged');
    expect(book.lastSeq).toBe(9);
  });

  it('stays bounded, evicting resolved alerts before open ones', () => {
    const resolved = alert({ state: 'resolved', updatedAt: '2026-11-27T01:00:00.000Z' });
    let book = applyChange(emptyBook(), change(resolved, 1), 3);
    for (let i = 0; i < 3; i += 1) book = applyChange(book, change(alert(), i + 2), 3);
    expect(book.alerts.size).toBe(3);
    expect(book.alerts.has(resolved.alertId)).toBe(false);
    for (let i = 0; i < 50; i += 1) book = applyChange(book, change(alert(), i + 10), 3);
    expect(book.alerts.size).toBe(3);
  });

  it('merges a REST snapshot without undoing a newer live change', () => {
    const v2 = alert({ version: 2, state: 'acknowledged' });
    const book = mergeSnapshot(applyChange(emptyBook(), change(v2, 3)), [
      { ...v2, version: 1, state: 'raised' },
    ]);
    expect(book.alerts.get(v2.alertId)?.state).toBe('acknowledged');
    expect(upsertAlert(book, { ...v2, version: 1 })).toBe(book);
  });

  it('orders open alerts red first, unacknowledged before acknowledged, and drops closed ones', () => {
    const blue = alert({ colour: 'blue' });
    const redAcked = alert({ colour: 'red', state: 'acknowledged' });
    const redRaised = alert({ colour: 'red' });
    const closed = alert({ colour: 'red', state: 'closed' });
    const order = openAlertsInOrder([blue, redAcked, closed, redRaised]).map((a) => a.alertId);
    expect(order).toEqual([redRaised.alertId, redAcked.alertId, blue.alertId]);
    expect(countOpenByColour([blue, redAcked, closed, redRaised])).toEqual({ red: 2, orange: 0, blue: 1 });
  });

  it('keeps a silenced alert open, like the engine, the API and the SQL (libs/domain isAlertOpen)', () => {
    const silenced = alert({ colour: 'red', state: 'silenced' });
    const resolved = alert({ colour: 'red', state: 'resolved' });
    expect(openAlertsInOrder([resolved, silenced]).map((a) => a.alertId)).toEqual([silenced.alertId]);
    expect(countOpenByColour([resolved, silenced])).toEqual({ red: 1, orange: 0, blue: 0 });
    expect(isFlashing(silenced)).toBe(false);
  });

  it.each([
    ['red', 'raised', true],
    ['red', 'escalated', true],
    ['red', 'acknowledged', false],
    ['orange', 'raised', false],
  ] as const)('a %s alert that is %s flashes: %s', (colour, state, flashing) => {
    expect(isFlashing(alert({ colour, state }))).toBe(flashing);
  });

  it.each([
    [5_000, '0:05'],
    [187_000, '3:07'],
    [3_753_000, '1:02:33'],
  ])('formats an age of %i ms as %s', (ms, text) => {
    expect(formatAge('2026-11-27T00:00:00.000Z', Date.parse('2026-11-27T00:00:00.000Z') + ms)).toBe(text);
  });
});

describe('a wall that missed more than the server can replay', () => {
  // Issue 17 item 12: the wall held a red alert that was resolved while it was away; the server's
  // resync snapshot no longer lists it, and the wall must stop flashing it.
  const away = (): { red: Alert; orange: Alert; book: ReturnType<typeof emptyBook> } => {
    const red = alert({ colour: 'red' });
    const orange = alert({ colour: 'orange' });
    const book = applyChange(applyChange(emptyBook(), change(red, 498)), change(orange, 499));
    return { red, orange, book };
  };

  it('replaces its alerts with the snapshot: the alert resolved meanwhile leaves the screen', () => {
    const { red, orange, book } = away();
    expect([...book.alerts.values()].some(isFlashing)).toBe(true);
    const orangeNow = { ...orange, version: 2, state: 'acknowledged' as const };
    const after = resync(book, [orangeNow], 1734);
    expect(after.alerts.has(red.alertId)).toBe(false);
    expect(after.alerts.get(orange.alertId)?.state).toBe('acknowledged');
    expect([...after.alerts.values()].some(isFlashing)).toBe(false);
    expect(after.lastSeq).toBe(1734);
  });

  it('ignores a late copy of a change the snapshot already holds, and applies the ones after it', () => {
    const { red, book } = away();
    let after = resync(book, [], 1734);
    after = applyChange(after, change(red, 498));
    expect(after.alerts.has(red.alertId)).toBe(false);
    const fresh = alert({ colour: 'red' });
    after = applyChange(after, change(fresh, 1735));
    expect(after.alerts.get(fresh.alertId)?.state).toBe('raised');
    expect(after.lastSeq).toBe(1735);
  });

  it('resumes from the server’s seq even when it had seen a higher one (a database restored)', () => {
    const { book } = away();
    expect(resync(book, [], 120).lastSeq).toBe(120);
  });
});

describe('the seqs a screen sends back when it resumes', () => {
  it('keeps the seqs shown within the resume margin below the highest, ascending, each once', () => {
    let book = emptyBook();
    for (const seq of [10, 12, 11, 12]) book = applyChange(book, change(alert(), seq));
    expect(book.recentSeqs).toEqual([10, 11, 12]);
    book = applyChange(book, change(alert(), 10 + LIVE_RESUME_MARGIN));
    expect(book.recentSeqs).toEqual([11, 12, 10 + LIVE_RESUME_MARGIN]);
  });

  it('counts a duplicate as shown, and forgets them all on a resync (the snapshot stands for them)', () => {
    const a = alert();
    let book = applyChange(applyChange(emptyBook(), change(a, 5)), change(a, 6));
    expect(book.recentSeqs).toEqual([5, 6]);
    book = resync(book, [], 900);
    expect(book.recentSeqs).toEqual([]);
  });
});
