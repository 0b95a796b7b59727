import { ruleSetSchema, type CaseEvent, type RuleSetInput } from '@fengqiao/contracts';
import {
  createPool,
  RULE_SETS_TABLE,
  syncDomainTables,
  VersionedDocumentsRepository,
  withTransaction,
  type DbPool,
} from '@fengqiao/db';
import { caseDueTimesOf } from '@fengqiao/domain';
import { buildDemoCity } from '@fengqiao/geo';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { testConfig } from '@fengqiao/testing';
import { followCaseClock } from './case-clock';
import { TrafficGenerator } from './traffic/traffic-generator';

// Issue 19, one home for every rule: the simulator stamps `dueAt` from the ACTIVE rule set (read
// from rule_sets through libs/db, as the API does), not from the default set compiled into it. A
// version promising every watched tier within 500 hours is activated in the real database; the
// cases the simulator plans next carry those due times.
const RULE_SETS = new VersionedDocumentsRepository(RULE_SETS_TABLE);
const DAY_MS = 86_400_000;
let pool: DbPool;

/** Activates `version` as the API does (retire, mark, the SQL clock rules in the same transaction). */
const activate = (version: number): Promise<void> =>
  withTransaction(pool, async (tx) => {
    await RULE_SETS.lock(tx);
    await RULE_SETS.retireActive(tx, new Date());
    await RULE_SETS.markActive(tx, version, 'simulator-spec', new Date());
    await syncDomainTables(tx);
  });

beforeAll(() => {
  pool = createPool(testConfig().postgres.url, { max: 2 });
});
afterAll(async () => {
  await pool.end();
});

describe('the simulator stamps case deadlines from the active rule set (real PostgreSQL)', () => {
  it("triaged events' dueAt follow an activated version, not the default set", async () => {
    // Version 1 is the default set when no API has started on this database yet (as RulesService does).
    const defaults = ruleSetSchema.parse(DEFAULT_RULE_SET);
    await RULE_SETS.ensureDefault(pool, { document: defaults, label: defaults.name, note: 'default' });
    const before = await RULE_SETS.activeVersion(pool);
    if (before === undefined) throw new Error('no active rule set');
    const stored = await RULE_SETS.find(pool, before);
    const body: RuleSetInput = structuredClone(ruleSetSchema.parse(stored?.document));
    const watched = new Set<string>();
    for (const r of body.rules)
      if (r.kind === 'deadline' && r.tier !== 'any') {
        r.due = { unit: 'hours', count: 500 };
        watched.add(r.tier);
      }
    const version = await withTransaction(pool, async (tx) => {
      await RULE_SETS.lock(tx);
      const next = await RULE_SETS.nextVersion(tx);
      const document = { ...body, version: next };
      await RULE_SETS.insertProposal(tx, {
        version: next,
        document,
        label: 'sim 500 h',
        note: 'spec',
        by: 'spec',
        at: new Date(),
      });
      return next;
    });
    await activate(version);
    try {
      const clock = await followCaseClock(pool, 60_000, () => undefined);
      clock.stop();
      expect(clock.current().version).toBe(version);
      const gen = new TrafficGenerator(buildDemoCity({ seed: 7, cameras: 10, townships: 20 }), {
        seed: 7,
        compress: 1,
        caseClock: clock.current,
      });
      const from = Date.parse('2026-11-02T00:00:00+08:00');
      const cases: CaseEvent[] = [];
      for (let day = 0; day < 3; day++)
        cases.push(...gen.backfill(from + day * DAY_MS, from + (day + 1) * DAY_MS, 1).cases);
      const triaged = cases.flatMap((e) => (e.type === 'triaged' && watched.has(e.tier) ? [e] : []));
      expect(triaged.length).toBeGreaterThan(10);
      const active = caseDueTimesOf(body);
      const previous = caseDueTimesOf(ruleSetSchema.parse(stored?.document));
      for (const e of triaged) {
        const startMs = Date.parse(e.occurredAt);
        expect(e.dueAt).toBe(new Date(active.tier(e.tier, startMs)).toISOString());
        expect(e.dueAt).not.toBe(new Date(previous.tier(e.tier, startMs)).toISOString());
      }
    } finally {
      await activate(before);
    }
  }, 60_000);
});
