import { ruleSetSchema, type RuleSetInput } from '@fengqiao/contracts';
import {
  createPool,
  type DbPool,
  type Queryable,
  RULE_SETS_TABLE,
  VersionedDocumentsRepository,
} from '@fengqiao/db';
import { quarterOfLabel } from '@fengqiao/reports';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { testConfig } from '@fengqiao/testing';
import { claimTownship, storeCase } from '../kpis/kpi-fixtures';
import { quarterScorecardSoFar } from './quarter-so-far';

const RULE_SETS = new VersionedDocumentsRepository(RULE_SETS_TABLE);
/** 2022-Q3 is a quarter no other suite writes to; Tuesday 5 July to Thursday 7 July is 2 working days. */
const QUARTER = quarterOfLabel('2022-Q3');
const NOW = Date.parse('2022-08-20T12:00:00+08:00');
const at = (local: string): string => `2022-07-${local}+08:00`;

/** The default rule set with the general tier's promise changed to `days` working days. */
function generalWithin(days: number): RuleSetInput {
  return ruleSetSchema.parse({
    ...DEFAULT_RULE_SET,
    rules: DEFAULT_RULE_SET.rules.map((r) =>
      r.kind === 'deadline' && r.tier === 'general'
        ? { ...r, due: { unit: 'working-days', count: days } }
        : r,
    ),
  });
}

/** Proposes and activates `ruleSet` inside the caller's transaction (never committed). */
async function activate(tx: Queryable, ruleSet: RuleSetInput): Promise<void> {
  await RULE_SETS.lock(tx);
  const version = await RULE_SETS.nextVersion(tx);
  const now = new Date();
  await RULE_SETS.insertProposal(tx, { version, document: ruleSet, note: 'api spec', by: 'spec', at: now });
  await RULE_SETS.retireActive(tx, now);
  await RULE_SETS.markActive(tx, version, 'spec', now);
}

// One transaction, rolled back: the shared database's active rule set never changes for the
// suites running beside this one.
describe('the API quarterly assessment judges by the ACTIVE rule set, as the KPI tiles do (real PostgreSQL)', () => {
  let pool: DbPool;
  beforeAll(() => {
    pool = createPool(testConfig().postgres.url, { max: 2 });
  });
  afterAll(async () => {
    await pool.end();
  });

  it('a general dispute resolved in 2 working days is on time under 5 days and late once 1 day is active', async () => {
    const township = await claimTownship(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight)
         VALUES ($1, 'township', $2, '规则镇', 107.1, 31.6, 1)`,
        [township, township.slice(0, 6)],
      );
      await storeCase(client, township, [
        { type: 'reported', at: at('05T09:00:00') },
        { type: 'triaged', at: at('05T10:00:00'), tier: 'general' },
        { type: 'resolved', at: at('07T10:00:00') },
      ]);
      const rateOf = async (): Promise<number | null | undefined> =>
        (await quarterScorecardSoFar(client, QUARTER, NOW)).townships.find((t) => t.township === township)
          ?.onTimeRate;

      await activate(client, generalWithin(5));
      expect(await rateOf()).toBe(1);
      await activate(client, generalWithin(1));
      expect(await rateOf()).toBe(0);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
