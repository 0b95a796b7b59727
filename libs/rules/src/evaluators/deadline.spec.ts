import { Harness, onlyRules } from '../__fixtures__/engine';
import { caseEvent, HOUR, MIN, reported } from '../__fixtures__/events';

const at = (s: string): number => Date.parse(s);
const MON_10 = at('2026-06-01T10:00:00+08:00');
const FRI_17 = at('2026-06-05T17:00:00+08:00');

function colourAt(
  ruleId: string,
  start: number,
  setup: (h: Harness, caseId: string) => void,
  when: number,
): string | undefined {
  const h = new Harness({ ruleSet: onlyRules(ruleId) });
  const r = reported(start);
  h.feed({ kind: 'case', event: r }, start);
  setup(h, r.caseId);
  h.tick(when);
  return [...h.state.book.byKey.values()].find((e) => e.alert.state !== 'resolved')?.alert.colour;
}
const triage = (tier: 'simple' | 'general' | 'major', t: number) => (h: Harness, caseId: string) =>
  void h.feed({ kind: 'case', event: caseEvent(t, caseId, { type: 'triaged', tier }) }, t);
const nothing = () => undefined;

describe('service-tier deadlines on the working-day calendar', () => {
  // Routing: reported Monday 10:00, due end of Tuesday (38 h); orange at 80% (30.4 h), red at 100%.
  it.each([
    ['routing, 30 h after intake', 'routing-1-working-day', MON_10, nothing, MON_10 + 30 * HOUR, undefined],
    [
      'routing, 31 h after intake (at risk)',
      'routing-1-working-day',
      MON_10,
      nothing,
      MON_10 + 31 * HOUR,
      'orange',
    ],
    [
      'routing, 38 h after intake (breached)',
      'routing-1-working-day',
      MON_10,
      nothing,
      MON_10 + 38 * HOUR,
      'red',
    ],
    // Reported Friday 17:00: due end of Monday, so Saturday noon is not yet at risk.
    [
      'routing over a weekend, Saturday noon',
      'routing-1-working-day',
      FRI_17,
      nothing,
      FRI_17 + 19 * HOUR,
      undefined,
    ],
    [
      'routing triaged in time never alerts',
      'routing-1-working-day',
      MON_10,
      triage('general', MON_10 + HOUR),
      MON_10 + 40 * HOUR,
      undefined,
    ],
    // Simple: triaged Monday 10:00, due Monday 24:00 (14 h); orange at 75% = 10.5 h.
    [
      'simple, Monday 20:00',
      'simple-same-day',
      MON_10,
      triage('simple', MON_10),
      MON_10 + 10 * HOUR,
      undefined,
    ],
    [
      'simple, Monday 21:00',
      'simple-same-day',
      MON_10,
      triage('simple', MON_10),
      MON_10 + 11 * HOUR,
      'orange',
    ],
    ['simple, Tuesday 00:00', 'simple-same-day', MON_10, triage('simple', MON_10), MON_10 + 14 * HOUR, 'red'],
    [
      'simple rule ignores a general case',
      'simple-same-day',
      MON_10,
      triage('general', MON_10),
      MON_10 + 20 * HOUR,
      undefined,
    ],
    // Major: a leader within 24 h of triage; orange at 12 h.
    ['major, 11 h', 'major-leader-24h', MON_10, triage('major', MON_10), MON_10 + 11 * HOUR, undefined],
    ['major, 12 h', 'major-leader-24h', MON_10, triage('major', MON_10), MON_10 + 12 * HOUR, 'orange'],
    ['major, 24 h', 'major-leader-24h', MON_10, triage('major', MON_10), MON_10 + 24 * HOUR, 'red'],
  ])('%s → %s', (_title, ruleId, start, setup, when, colour) => {
    expect(colourAt(ruleId, start, setup, when)).toBe(colour);
  });

  it('a case at risk raises, climbs to red, and resolves when the case is triaged', () => {
    const h = new Harness({ ruleSet: onlyRules('routing-1-working-day') });
    const r = reported(MON_10);
    h.feed({ kind: 'case', event: r }, MON_10);
    h.tick(MON_10 + 31 * HOUR);
    h.tick(MON_10 + 39 * HOUR);
    const t = MON_10 + 40 * HOUR;
    h.feed({ kind: 'case', event: caseEvent(t, r.caseId, { type: 'triaged', tier: 'simple' }) }, t);
    expect(Harness.summary(h.decisions)).toEqual([
      'raised routing-1-working-day orange',
      'updated routing-1-working-day red',
      'resolved routing-1-working-day red',
    ]);
    expect(h.state.deadlines.size).toBe(0);
  });

  it('a leader taking charge stops the major-dispute clock; a department assignment does not', () => {
    const run = (stop: 'assigned' | 'leader-assigned'): number => {
      const h = new Harness({ ruleSet: onlyRules('major-leader-24h') });
      const r = reported(MON_10);
      triage('major', MON_10)(h, r.caseId);
      h.feed(
        { kind: 'case', event: caseEvent(MON_10 + 5 * MIN, r.caseId, { type: stop }) },
        MON_10 + 5 * MIN,
      );
      h.tick(MON_10 + 30 * HOUR);
      return h.decisions.length;
    };
    expect(run('leader-assigned')).toBe(0);
    expect(run('assigned')).toBeGreaterThan(0);
  });
});
