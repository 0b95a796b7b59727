import { cityRegionCode, ruleSetSchema, type RuleSetInput } from '@fengqiao/contracts';
import {
  createPool,
  type DbPool,
  type Queryable,
  RULE_SETS_TABLE,
  VersionedDocumentsRepository,
} from '@fengqiao/db';
import { periodContaining } from '@fengqiao/domain';
import { buildReportModel } from '@fengqiao/reports';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { testConfig } from '@fengqiao/testing';
import { aPrivateTownship, insertCaseEvent, registerPlace } from '../testing/report-fixtures';
import { ReportLoader } from './report-loader';

const RULE_SETS = new VersionedDocumentsRepository(RULE_SETS_TABLE);
const week = periodContaining('week', '2026-11-17');
const NOW = Date.parse('2026-11-24T01:00:00+08:00');

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
  const at = new Date();
  await RULE_SETS.insertProposal(tx, { version, document: ruleSet, note: 'reports spec', by: 'spec', at });
  await RULE_SETS.retireActive(tx, at);
  await RULE_SETS.markActive(tx, version, 'spec', at);
}

// Everything runs in one transaction that is rolled back: the shared database's active rule set
// never changes for the suites running beside this one.
describe('reports judge cases by the ACTIVE rule set, as the KPI tiles do (real PostgreSQL)', () => {
  let pool: DbPool;
  beforeAll(() => {
    pool = createPool(testConfig().postgres.url, { max: 2 });
  });
  afterAll(async () => {
    await pool.end();
  });

  it('a general dispute done in 2 working days is on time under 5 days and late once 1 day is active', async () => {
    const place = aPrivateTownship();
    const caseId = `C${place.county}-20261116-${place.township.slice(6)}01`;
    const target = { level: 'township', region: place.township, period: week } as const;
    const loader = new ReportLoader({ code: testConfig().city.code, name: '测试市' });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight)
         VALUES ($1, 'county', $2, '测试县', 107.1, 31.5, 1000) ON CONFLICT (code) DO NOTHING`,
        [place.county, cityRegionCode(place.county)],
      );
      await registerPlace(client, place);
      await insertCaseEvent(client, place, {
        caseId,
        type: 'reported',
        at: '2026-11-16T09:00:00+08:00',
        category: 'labour-wages',
      });
      await insertCaseEvent(client, place, {
        caseId,
        type: 'triaged',
        at: '2026-11-16T10:00:00+08:00',
        category: 'labour-wages',
        tier: 'general',
      });
      await insertCaseEvent(client, place, { caseId, type: 'resolved', at: '2026-11-18T10:00:00+08:00' });

      await activate(client, generalWithin(5));
      const lenient = buildReportModel(await loader.load(client, target, NOW));
      expect(lenient).toMatchObject({ casesClosed: 1, onTimeRate: 1 });

      await activate(client, generalWithin(1));
      const strict = buildReportModel(await loader.load(client, target, NOW));
      expect(strict).toMatchObject({ casesClosed: 1, onTimeRate: 0 });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
