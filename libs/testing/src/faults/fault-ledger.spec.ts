import { FaultLedger, formatLedger, outcomeProblems, type FaultOutcome } from './fault-ledger';

const clean: FaultOutcome = {
  fault: 'restart PostgreSQL',
  injected: 1,
  produced: 250,
  stored: 250,
  lost: 0,
  duplicated: 0,
  deadLetters: 2,
  deadLettersMissing: 0,
  deadLettersDuplicated: 0,
  deadLettersWrongCode: 0,
  alerts: 5,
  alertsMissing: 0,
  alertsDuplicated: 0,
  falseAlerts: 0,
  changes: 10,
  wallMissing: 0,
  wallDuplicated: 0,
  wallOutOfOrder: 0,
  stuck: 0,
  auditOk: true,
  recoverMs: 2200,
};

describe('the fault ledger', () => {
  it('counts what was recorded, per table', () => {
    const ledger = new FaultLedger();
    ledger.recordEvent('case_events', 'a');
    ledger.recordEvent('case_events', 'b');
    ledger.recordEvent('camera_status_events', 'c');
    expect([ledger.eventCount(), ledger.events.get('case_events')]).toEqual([3, ['a', 'b']]);
  });

  it('finds no problem in a clean outcome', () => {
    expect(outcomeProblems(clean)).toEqual([]);
  });

  it.each([
    [{ lost: 3 }, '3 event(s) lost'],
    [{ duplicated: 1 }, '1 event(s) stored twice'],
    [{ deadLettersDuplicated: 55 }, '55 dead letter(s) doubled'],
    [{ alertsMissing: 45 }, '45 alert(s) never raised'],
    [{ wallMissing: 4 }, '4 change(s) never reached the wall'],
    [{ wallOutOfOrder: 2 }, '2 change(s) out of order on the wall'],
    [{ stuck: 1 }, '1 alert change(s) stuck unpublished'],
    [{ auditOk: false }, 'the audit chain does not verify'],
    [{ recoverMs: undefined }, 'never recovered'],
  ])('names %j as "%s"', (change, problem) => {
    expect(outcomeProblems({ ...clean, ...change })).toEqual([problem]);
  });

  it('prints one aligned row per fault, recovery in seconds, "never" when it never recovered', () => {
    const table = formatLedger([clean, { ...clean, fault: 'cut PostgreSQL 30 s', recoverMs: undefined }]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toMatch(/^\| restart PostgreSQL .*\| ok +\| 2\.2 +\|$/);
    expect(lines[3]).toMatch(/\| never +\|$/);
  });
});
