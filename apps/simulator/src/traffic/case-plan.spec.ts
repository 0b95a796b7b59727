import { caseEventSchema, type CaseEvent, type ServiceTier } from '@fengqiao/contracts';
import { Prng, buildDemoCity } from '@fengqiao/geo';
import { caseDueTimesOf } from '@fengqiao/domain';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { planCase, type CaseClock } from './case-plan';
import { RegionPicker } from './region-picker';

const city = buildDemoCity({ seed: 12, cameras: 10, townships: 20 });
const picker = new RegionPicker(city.hierarchy);
const T0 = Date.parse('2026-11-02T09:00:00+08:00');
const DAY = 24 * 3600 * 1000;
const DEFAULT_CLOCK: CaseClock = { ruleSet: DEFAULT_RULE_SET, due: caseDueTimesOf(DEFAULT_RULE_SET) };

/** 3,000 cases at real-world delays. */
const lives: CaseEvent[][] = Array.from({ length: 3_000 }, (_, i) => {
  const rng = Prng.derive(1, 'plan', i);
  const caseId = `C511902-20261102-${String(i).padStart(5, '0')}`;
  return planCase({ caseId, reportedAtMs: T0 + i * 1000, ...picker.pick(rng) }, rng, 1, DEFAULT_CLOCK);
});
const tierOf = (events: readonly CaseEvent[]): ServiceTier | undefined => {
  const triaged = events.find((e) => e.type === 'triaged');
  return triaged?.type === 'triaged' ? triaged.tier : undefined;
};
const span = (events: readonly CaseEvent[], type: CaseEvent['type']): number =>
  Date.parse(events.find((e) => e.type === type)?.occurredAt ?? '') - Date.parse(events[0]?.occurredAt ?? '');

describe('planCase', () => {
  it('produces valid case.event.v1 messages with personal data kept in `parties`', () => {
    const invalid = lives.flat().filter((e) => !caseEventSchema.safeParse(e).success);
    expect(invalid).toEqual([]);
  });

  it('triages 95% of cases within one working day (8 hours)', () => {
    const late = lives.filter((l) => span(l, 'triaged') > 8 * 3600 * 1000).length;
    expect(late / lives.length).toBeLessThan(0.07);
  });

  it.each([
    { tier: 'consultation', within: 31 * 60 * 1000, share: [0.1, 0.5] },
    { tier: 'simple', within: DAY, share: [0.15, 0.45] },
    { tier: 'general', within: 5 * DAY + DAY / 2, share: [0.1, 0.35] },
    { tier: 'complex', within: 61 * DAY, share: [0.05, 0.2] },
  ])(
    'resolves most $tier cases within the promise, at a plausible share of intake',
    ({ tier, within, share }) => {
      const ofTier = lives.filter((l) => tierOf(l) === tier);
      expect(ofTier.length / lives.length).toBeGreaterThan(share[0] ?? 0);
      expect(ofTier.length / lives.length).toBeLessThan(share[1] ?? 1);
      const onTime = ofTier.filter((l) => span(l, 'resolved') <= within).length;
      expect(onTime / ofTier.length).toBeGreaterThan(0.85);
    },
  );

  it('escalates every major case before resolving it', () => {
    const major = lives.filter((l) => tierOf(l) === 'major');
    expect(major.length).toBeGreaterThan(30);
    for (const l of major) expect(span(l, 'escalated')).toBeLessThan(span(l, 'resolved'));
  });
});

describe('planCase lifecycle additions', () => {
  const due = caseDueTimesOf(DEFAULT_RULE_SET);
  const ofType = <T extends CaseEvent['type']>(l: readonly CaseEvent[], type: T) =>
    l.find((e): e is Extract<CaseEvent, { type: T }> => e.type === type);

  it('puts a leader in charge of every major case, within a day of its triage for all but a few', () => {
    const major = lives.filter((x) => tierOf(x) === 'major');
    for (const l of major) expect(ofType(l, 'leader-assigned')).toBeDefined();
    const late = major.filter((l) => span(l, 'leader-assigned') - span(l, 'triaged') >= DAY);
    expect(late.length / major.length).toBeLessThan(0.08);
  });

  it.each(['simple', 'general', 'complex'] as const)(
    'resolves the %s tier before the due time the active rule set stamped on its triage, all but a few',
    (t) => {
      const ofTier = lives.filter((l) => tierOf(l) === t);
      const kept = ofTier.filter((l) => {
        const resolvedAt = Date.parse(ofType(l, 'resolved')?.occurredAt ?? '');
        return resolvedAt <= Date.parse(ofType(l, 'triaged')?.dueAt ?? '');
      });
      expect(kept.length / ofTier.length).toBeGreaterThan(0.9);
      expect(kept.length / ofTier.length).toBeLessThan(1);
    },
  );

  it('mediates a good share of disputes before resolving them, jointly for the grave tiers', () => {
    const mediated = lives.filter((l) => ofType(l, 'in-mediation') !== undefined);
    expect(mediated.length / lives.length).toBeGreaterThan(0.2);
    for (const l of mediated) expect(span(l, 'in-mediation')).toBeLessThan(span(l, 'resolved'));
    const grave = mediated.filter((l) => tierOf(l) === 'complex' || tierOf(l) === 'major');
    expect(grave.every((l) => ofType(l, 'in-mediation')?.joint === true)).toBe(true);
  });

  it('fixes each deadline on the working-day calendar and keys the parties', () => {
    for (const l of lives.slice(0, 200)) {
      const triaged = ofType(l, 'triaged');
      const reported = ofType(l, 'reported');
      if (triaged === undefined || reported === undefined) throw new Error('incomplete case');
      const dueMs = due.tier(triaged.tier, Date.parse(triaged.occurredAt));
      expect(triaged.dueAt).toBe(new Date(dueMs).toISOString());
      expect(reported.partyKeys).toHaveLength(reported.parties.length);
    }
  });
});

describe('planCase stamps the deadlines of the rule set it is given (the active one)', () => {
  it("a set that promises each watched tier within 500 hours moves each triaged event's dueAt", () => {
    const ruleSet = structuredClone(DEFAULT_RULE_SET);
    const watched = new Set<string>();
    for (const r of ruleSet.rules)
      if (r.kind === 'deadline' && r.tier !== 'any') {
        r.due = { unit: 'hours', count: 500 };
        watched.add(r.tier);
      }
    const clock: CaseClock = { ruleSet, due: caseDueTimesOf(ruleSet) };
    const triagedOf = (i: number) => {
      const rng = Prng.derive(2, 'plan', i);
      const caseId = `C511902-20261102-${String(i).padStart(5, '0')}`;
      const events = planCase({ caseId, reportedAtMs: T0, ...picker.pick(rng) }, rng, 1, clock);
      const triaged = events.find((e) => e.type === 'triaged');
      if (triaged?.type !== 'triaged') throw new Error('no triaged event');
      return triaged;
    };
    const checked = Array.from({ length: 80 }, (_, i) => triagedOf(i)).filter((t) => watched.has(t.tier));
    expect(checked.length).toBeGreaterThan(20);
    for (const triaged of checked) {
      const startMs = Date.parse(triaged.occurredAt);
      expect(triaged.dueAt).toBe(new Date(clock.due.tier(triaged.tier, startMs)).toISOString());
      expect(triaged.dueAt).not.toBe(new Date(DEFAULT_CLOCK.due.tier(triaged.tier, startMs)).toISOString());
    }
  });
});
