import { randomUUID } from 'node:crypto';
import { loadConfig } from '@fengqiao/config';
import { dropDatabase, ensureDatabase, withDatabaseName } from '../database-admin';
import { type CaseEventRow } from '../event-rows';
import { EventStoreRepository } from '../event-store.repository';
import { migrate } from '../migrator';
import { createPool, type DbPool } from '../pool';
import { withTransaction } from '../transaction';
import { CaseProjectionRepository } from './case-projection.repository';

// The folded projection (migration 20261207112900) against the row trigger on a database of its
// own: the same case lives, written one event at a time and folded per case, leave the same rows.
// loadConfig, not @fengqiao/testing (which depends on this lib): the int global setup's database URL.
const url = withDatabaseName(loadConfig().postgres.url, `fengqiao_folded_${process.pid}`);
const store = new EventStoreRepository();
const projection = new CaseProjectionRepository();
let pool: DbPool;

type Step = readonly [type: string, at: string, payload?: Record<string, unknown>];
const reported: Step = [
  'reported',
  '2026-11-24T01:00:00Z',
  { summary: 's', partiesCount: 2, riskFlags: { groupPetition: false }, dueAt: '2026-11-25T16:00:00Z' },
];
const triaged = (tier: string, dueAt: string): Step => [
  'triaged',
  '2026-11-24T02:00:00Z',
  { tier, dueAt, category: 'neighbourhood', unit: 'center', department: 'd1' },
];
/** Lives that touch every column the projection keeps; the orphan's steps come before its report. */
const LIVES: Record<string, readonly Step[]> = {
  closed: [
    reported,
    triaged('general', '2026-12-01T16:00:00Z'),
    ['assigned', '2026-11-24T03:00:00Z', { department: 'd2', assignee: 'a' }],
    ['in-mediation', '2026-11-24T04:00:00Z', { mediator: 'm', joint: true }],
    ['resolved', '2026-11-26T04:00:00Z', { outcome: 'mediated' }],
    ['closed', '2026-11-27T04:00:00Z', { satisfaction: 5 }],
  ],
  reopened: [
    reported,
    triaged('simple', '2026-11-24T16:00:00Z'),
    ['resolved', '2026-11-24T05:00:00Z', { outcome: 'referred' }],
    ['closed', '2026-11-24T06:00:00Z', { satisfaction: 2 }],
    ['reopened', '2026-11-25T01:00:00Z', { dueAt: '2026-11-28T01:00:00Z', reason: 'r' }],
    ['assigned', '2026-11-25T02:00:00Z', { department: 'd3', assignee: 'b' }],
  ],
  major: [
    reported,
    triaged('major', '2026-11-25T02:00:00Z'),
    ['leader-assigned', '2026-11-24T09:00:00Z', { leader: '王某', reason: 'r' }],
    ['escalated', '2026-11-25T09:00:00Z', { toLevel: 'county', reason: 'r' }],
  ],
  orphan: [['assigned', '2026-11-24T00:30:00Z', { department: 'd', assignee: 'a' }], reported],
};

const rowsOf = (caseId: string, steps: readonly Step[]): CaseEventRow[] =>
  steps.map(([type, at, payload = {}]) => ({
    eventId: randomUUID(),
    occurredAt: at,
    caseId,
    type,
    channel: 'window',
    county: '511902',
    township: '511902001',
    village: null,
    grid: null,
    category: 'neighbourhood',
    tier: typeof payload.tier === 'string' ? payload.tier : null,
    payload: JSON.stringify({ category: 'neighbourhood', ...payload }),
  }));

const folded = (rows: readonly CaseEventRow[]): Promise<number> =>
  withTransaction(pool, (c) => projection.folded(c, rows, () => store.insertCaseEventIds(c, rows)));

async function caseOf(caseId: string): Promise<Record<string, unknown>> {
  const r = await pool.query<Record<string, unknown>>('SELECT * FROM cases WHERE case_id = $1', [caseId]);
  const { case_id: _id, ...rest } = r.rows[0] ?? { case_id: caseId, missing: true };
  return rest;
}

beforeAll(async () => {
  await ensureDatabase(url, { recreate: true });
  pool = createPool(url, { max: 2 });
  await migrate(pool, { direction: 'up' });
});
afterAll(async () => {
  await pool.end();
  await dropDatabase(url);
});

describe('the case projection folded per case equals the row trigger', () => {
  it.each(Object.keys(LIVES))('a whole life (%s) in one fold', async (life) => {
    const steps = LIVES[life] ?? [];
    for (const r of rowsOf(`C511902-20261124-1000${Object.keys(LIVES).indexOf(life)}`, steps))
      await store.insertCaseEvents(pool, [r]);
    await folded(rowsOf(`C511902-20261124-2000${Object.keys(LIVES).indexOf(life)}`, steps));
    const byRow = await caseOf(`C511902-20261124-1000${Object.keys(LIVES).indexOf(life)}`);
    expect(await caseOf(`C511902-20261124-2000${Object.keys(LIVES).indexOf(life)}`)).toEqual(byRow);
    expect(byRow).not.toHaveProperty('missing');
  });

  it('folds onto a case the row trigger already holds, and applies a redelivered event once', async () => {
    const steps = LIVES.reopened ?? [];
    const byRow = rowsOf('C511902-20261124-30001', steps);
    for (const r of byRow) await store.insertCaseEvents(pool, [r]);
    const twice = rowsOf('C511902-20261124-30002', steps);
    for (const r of twice.slice(0, 5)) await store.insertCaseEvents(pool, [r]);
    // The fifth event (the reopening) comes again with the sixth: stored once, applied once.
    expect(await folded(twice.slice(4))).toBe(1);
    expect(await caseOf('C511902-20261124-30002')).toEqual(await caseOf('C511902-20261124-30001'));
  });

  it('folds into chunks the compression policy already compressed (the history writes past days)', async () => {
    // Before 20261207191000 the fold found its events by xmin, which TimescaleDB refuses on a
    // compressed chunk: "transparent decompression only supports tableoid system column".
    const steps = LIVES.reopened ?? [];
    const byRow = rowsOf('C511902-20261124-50001', steps);
    for (const r of byRow) await store.insertCaseEvents(pool, [r]);
    const twice = rowsOf('C511902-20261124-50002', steps);
    for (const r of twice.slice(0, 5)) await store.insertCaseEvents(pool, [r]);
    const compressed = await pool.query<{ chunk: string }>(
      `SELECT compress_chunk(c, if_not_compressed => true)::text AS chunk FROM show_chunks('case_events') c`,
    );
    expect(compressed.rows.length).toBeGreaterThan(0);
    // The reopening again (stored, now compressed) with the assignment after it: stored and applied once.
    expect(await folded(twice.slice(4))).toBe(1);
    expect(await caseOf('C511902-20261124-50002')).toEqual(await caseOf('C511902-20261124-50001'));
    // A whole new life into the compressed chunk.
    const major = LIVES.major ?? [];
    for (const r of rowsOf('C511902-20261124-50003', major)) await store.insertCaseEvents(pool, [r]);
    await pool.query(`SELECT compress_chunk(c, if_not_compressed => true) FROM show_chunks('case_events') c`);
    expect(await folded(rowsOf('C511902-20261124-50004', major))).toBe(major.length);
    expect(await caseOf('C511902-20261124-50004')).toEqual(await caseOf('C511902-20261124-50003'));
  });

  it('leaves the row trigger on for the next transaction', async () => {
    await folded(rowsOf('C511902-20261124-40001', [reported]));
    await store.insertCaseEvents(pool, rowsOf('C511902-20261124-40002', [reported]));
    expect(await caseOf('C511902-20261124-40002')).toMatchObject({ state: 'reported' });
  });
});
