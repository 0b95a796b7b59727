import { Harness, onlyRules } from '../__fixtures__/engine';
import { caseEvent, HOUR, MIN, reported } from '../__fixtures__/events';
import { CASE_MEMORY_MS } from './deadline';

const at = (s: string): number => Date.parse(s);
const MON_10 = at('2026-06-01T10:00:00+08:00');
const DAY = 24 * HOUR;
const TIER_RULES = ['routing-1-working-day', 'general-5-days', 'major-leader-24h'];

/** A case reported and triaged on Monday 10:00, as `tier`. */
function triagedCase(tier: 'general' | 'major', ids = TIER_RULES): { h: Harness; caseId: string } {
  const h = new Harness({ ruleSet: onlyRules(...ids) });
  const r = reported(MON_10);
  h.feed({ kind: 'case', event: r }, MON_10);
  h.feed({ kind: 'case', event: caseEvent(MON_10 + MIN, r.caseId, { type: 'triaged', tier }) }, MON_10 + MIN);
  return { h, caseId: r.caseId };
}
const feed = (h: Harness, caseId: string, type: 'resolved' | 'reopened', t: number) =>
  h.feed({ kind: 'case', event: caseEvent(t, caseId, { type }) }, t);
const openAlerts = (h: Harness) =>
  [...h.state.book.byKey.values()]
    .filter((e) => e.alert.state !== 'resolved' && e.alert.state !== 'closed')
    .map((e) => `${e.alert.ruleId} ${e.alert.colour}`);

describe('a reopened case restarts its tier clocks', () => {
  it('after a resolution: a new deadline from the reopening on the working-day calendar', () => {
    const { h, caseId } = triagedCase('general');
    feed(h, caseId, 'resolved', MON_10 + 2 * HOUR);
    expect(h.state.deadlines.has(caseId)).toBe(false);
    // Reopened Friday 17:00: five working days later is the end of the next Friday, not Wednesday.
    const reopen = at('2026-06-05T17:00:00+08:00');
    feed(h, caseId, 'reopened', reopen);
    const d = h.state.deadlines.get(caseId)?.get('general-5-days');
    expect(d?.startMs).toBe(reopen);
    expect(d?.dueMs).toBe(h.ctx.rules.calendar.dueAt(reopen, { unit: 'working-days', count: 5 }));
    expect(d?.dueMs).toBeGreaterThanOrEqual(at('2026-06-12T00:00:00+08:00'));
    // Past the first round's due date (end of Monday 8 June), yet only half of the new round used.
    h.tick(at('2026-06-09T09:00:00+08:00'));
    expect(openAlerts(h)).toEqual([]);
    h.tick((d?.dueMs ?? 0) + MIN);
    expect(openAlerts(h)).toEqual(['general-5-days red']);
  });

  it('clears a breach of the previous round and judges the new round afresh', () => {
    const { h, caseId } = triagedCase('general');
    h.tick(MON_10 + 14 * DAY);
    expect(openAlerts(h)).toEqual(['general-5-days red']);
    const reopen = MON_10 + 14 * DAY + HOUR;
    const ds = feed(h, caseId, 'reopened', reopen);
    expect(Harness.summary(ds)).toContain('resolved general-5-days red');
    expect(openAlerts(h)).toEqual([]);
    h.tick(reopen + 5 * MIN);
    expect(openAlerts(h)).toEqual([]);
    expect(h.state.deadlines.get(caseId)?.get('general-5-days')?.colour).toBeUndefined();
  });

  it('restarts every clock of the tier (a major dispute needs a leader again), not routing', () => {
    const { h, caseId } = triagedCase('major');
    feed(h, caseId, 'resolved', MON_10 + HOUR);
    const reopen = MON_10 + 3 * DAY;
    feed(h, caseId, 'reopened', reopen);
    expect([...(h.state.deadlines.get(caseId)?.keys() ?? [])]).toEqual(['major-leader-24h']);
    h.tick(reopen + 12 * HOUR);
    expect(openAlerts(h)).toEqual(['major-leader-24h orange']);
  });

  it('a case whose tier the engine never saw restarts only tier-less clocks (none by default)', () => {
    const h = new Harness({ ruleSet: onlyRules(...TIER_RULES) });
    const r = reported(MON_10);
    feed(h, r.caseId, 'reopened', MON_10 + DAY);
    expect(h.state.deadlines.has(r.caseId)).toBe(false);
  });

  it('forgets the tiers of long-quiet closed cases, so the memory stays bounded', () => {
    const { h, caseId } = triagedCase('general');
    feed(h, caseId, 'resolved', MON_10 + HOUR);
    h.tick(MON_10 + DAY);
    expect(h.state.caseTiers.has(caseId)).toBe(true);
    h.tick(MON_10 + HOUR + CASE_MEMORY_MS + MIN);
    expect(h.state.caseTiers.has(caseId)).toBe(false);
  });
});
