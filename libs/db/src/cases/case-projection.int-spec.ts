import { randomUUID } from 'node:crypto';
import { loadConfig } from '@fengqiao/config';
import { caseDeadlinesOf, caseStepRows, stopsClock } from '@fengqiao/domain';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { ensureDatabase, withDatabaseName } from '../database-admin';
import { loadMigrations, migrate } from '../migrator';
import { createPool, type DbPool } from '../pool';
import { syncDomainTables } from './domain-tables';

// The one case projection on a database of its own (real PostgreSQL): `cases` follows case_events
// by the lifecycle and the clocks that @fengqiao/domain wrote into case_steps / case_clock_rules,
// the KPI facts are a view of it, and the migrations go down and up again around it.
// loadConfig, not @fengqiao/testing (which depends on this lib): the int global setup's database URL.
const url = withDatabaseName(loadConfig().postgres.url, `fengqiao_projection_${process.pid}`);
const TOWNSHIP = '511902001';
let pool: DbPool;

type Step = readonly [type: string, at: string, payload?: Record<string, unknown>];

async function storeCase(caseId: string, steps: readonly Step[]): Promise<void> {
  for (const [type, at, payload = {}] of steps) {
    await pool.query(
      `INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, category, tier, payload)
       VALUES ($1, $2, $3, $4, 'window', '511902', $5, 'neighbourhood', $6, $7)`,
      [
        randomUUID(),
        at,
        caseId,
        type,
        TOWNSHIP,
        payload.tier ?? null,
        { category: 'neighbourhood', ...payload },
      ],
    );
  }
}

const reported = (at: string): Step => [
  'reported',
  at,
  { summary: 's', partiesCount: 1, riskFlags: {}, dueAt: '2026-11-25T16:00:00Z' },
];
const triaged = (at: string, tier: string, dueAt: string): Step => ['triaged', at, { tier, dueAt }];

async function caseRow(caseId: string): Promise<Record<string, unknown> | undefined> {
  const res = await pool.query(
    `SELECT c.state, c.clock_stopped_at, f.assigned_at, f.leader_assigned_at, f.triaged_at, f.tier
     FROM cases c JOIN case_kpi_facts f USING (case_id) WHERE case_id = $1`,
    [caseId],
  );
  return res.rows[0] as Record<string, unknown> | undefined;
}

beforeAll(async () => {
  await ensureDatabase(url, { recreate: true });
  pool = createPool(url, { max: 2 });
  await migrate(pool, { direction: 'up' });
});
afterAll(async () => {
  await pool.end();
});

describe('the case projection reads the tables written from @fengqiao/domain', () => {
  it('holds the lifecycle and the default clocks after migrating', async () => {
    const steps = await pool.query<{ event_type: string; to_state: string | null }>(
      'SELECT event_type, to_state FROM case_steps ORDER BY event_type',
    );
    expect(steps.rows).toEqual(
      caseStepRows()
        .map((r) => ({ event_type: r.eventType, to_state: r.toState }))
        .sort((a, b) => a.event_type.localeCompare(b.event_type)),
    );
    const major = await pool.query<{ stop_on: string[] }>(
      "SELECT stop_on FROM case_clock_rules WHERE clock = 'major'",
    );
    expect(major.rows[0]?.stop_on).toEqual(caseDeadlinesOf(DEFAULT_RULE_SET).tiers.major.stopOn);
  });

  it.each([
    ['major, assigned to a department', 'major', 'assigned'],
    ['major, a leader takes charge', 'major', 'leader-assigned'],
    ['major, escalated', 'major', 'escalated'],
    ['general, assigned', 'general', 'assigned'],
    ['general, resolved', 'general', 'resolved'],
  ] as const)('%s: the clock stops exactly when the domain says', async (_title, tier, type) => {
    const caseId = `C511902-20261124-${String(Math.floor(Math.random() * 99_999)).padStart(5, '0')}`;
    await storeCase(caseId, [
      reported('2026-11-24T01:00:00Z'),
      triaged('2026-11-24T02:00:00Z', tier, '2026-11-25T02:00:00Z'),
      [type, '2026-11-24T05:00:00Z', type === 'resolved' ? { outcome: 'mediated' } : {}],
    ]);
    const row = await caseRow(caseId);
    const stopped = stopsClock(caseDeadlinesOf(DEFAULT_RULE_SET).tiers[tier], type);
    expect(row?.clock_stopped_at === null ? 'running' : 'stopped').toBe(stopped ? 'stopped' : 'running');
    expect(row).toMatchObject({ tier, triaged_at: new Date('2026-11-24T02:00:00Z') });
  });

  it('an activated rule set moves the clocks the projection stops on', async () => {
    const strict = {
      ...DEFAULT_RULE_SET,
      rules: DEFAULT_RULE_SET.rules.map((r) =>
        r.kind === 'deadline' && r.tier === 'major' ? { ...r, stopOn: ['resolved' as const] } : r,
      ),
    };
    await syncDomainTables(pool, { version: 2, body: strict });
    const caseId = 'C511902-20261124-77777';
    await storeCase(caseId, [
      reported('2026-11-24T01:00:00Z'),
      triaged('2026-11-24T02:00:00Z', 'major', '2026-11-25T02:00:00Z'),
      ['leader-assigned', '2026-11-24T03:00:00Z', { leader: '王某', reason: 'r' }],
    ]);
    expect((await caseRow(caseId))?.clock_stopped_at).toBeNull();
    await syncDomainTables(pool);
  });
});

describe('migrations around the projection go down and up again', () => {
  it('down past 20261127520700 leaves a kpi trigger that writes only existing columns; up again restores the one projection', async () => {
    const after = loadMigrations().filter((m) => m.version >= '20261127520700').length;
    await migrate(pool, { direction: 'down', steps: after });
    // Before the fix, this insert failed: the trigger still wrote case_kpi_facts.leader_assigned_at.
    await storeCase('C511902-20261124-88888', [reported('2026-11-24T01:00:00Z')]);
    const facts = await pool.query('SELECT reported_at FROM case_kpi_facts WHERE case_id = $1', [
      'C511902-20261124-88888',
    ]);
    expect(facts.rows).toHaveLength(1);

    await migrate(pool, { direction: 'up' });
    const caseId = 'C511902-20261124-99999';
    await storeCase(caseId, [
      reported('2026-11-24T01:00:00Z'),
      triaged('2026-11-24T02:00:00Z', 'major', '2026-11-25T02:00:00Z'),
      ['assigned', '2026-11-24T03:00:00Z', { department: 'd', assignee: 'a' }],
    ]);
    expect(await caseRow(caseId)).toMatchObject({
      state: 'assigned',
      clock_stopped_at: null,
      assigned_at: new Date('2026-11-24T03:00:00Z'),
    });
    const kind = await pool.query<{ relkind: string }>(
      "SELECT relkind FROM pg_class WHERE relname = 'case_kpi_facts'",
    );
    expect(kind.rows[0]?.relkind).toBe('v');
  });
});
