import { loadConfig } from '@fengqiao/config';
import { migrate } from '../migrator';
import { freshDatabase, type FreshDatabase } from '../testing/fresh-database';
import { withTransaction } from '../transaction';
import { ActiveVersionCache } from './active-version-cache';
import { reviseActive } from './revise-active';
import { VersionedDocumentsRepository } from './versioned-documents.repository';
import { DUTY_ROSTERS_TABLE } from './versioned-table';

// Migration 20261207031000 moves the duty rosters onto the versioned-document store (issue 19): the
// rows of duty_rosters / duty_roster_exceptions become version 1, edits are versions, and its down
// step puts the active version back as rows. On both servers: TimescaleDB and plain PostgreSQL.

const config = loadConfig();
const MIGRATION = '20261207031000';
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

interface Doc {
  readonly patterns: readonly Record<string, unknown>[];
  readonly exceptions: readonly Record<string, unknown>[];
}
const asDoc = (raw: unknown): Doc => raw as Doc;
const repo = new VersionedDocumentsRepository(DUTY_ROSTERS_TABLE);

async function downToBeforeIt(db: FreshDatabase): Promise<void> {
  const later = await db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM fq_schema_migrations WHERE version >= $1',
    [MIGRATION],
  );
  await migrate(db.pool, { direction: 'down', steps: later.rows[0]?.n ?? 0 });
}

describe.each([
  ['TimescaleDB', config.postgres.url],
  ['plain PostgreSQL', config.postgres.plainUrl],
])('duty rosters as a versioned document (%s)', (_engine, serverUrl) => {
  let db: FreshDatabase;

  beforeAll(async () => {
    db = await freshDatabase(serverUrl, `fengqiao_roster_${process.pid}`);
  }, 120_000);

  afterAll(async () => {
    await db.drop();
  });

  it('carries the roster rows over as version 1, keeps each edit as a version, and its down step gives the rows back', async () => {
    await downToBeforeIt(db);
    await db.pool.query(
      `INSERT INTO users (user_id, username, display_name, role, password_hash)
       VALUES ($1, 'roster-a', 'A', 'duty-officer', 'x'), ($2, 'roster-b', 'B', 'duty-officer', 'x')`,
      [A, B],
    );
    await db.pool.query(
      `INSERT INTO duty_rosters VALUES ('511902', 'day', 1, $1, $2, now(), 't'), ('city', 'night', 0, $2, NULL, now(), 't')`,
      [A, B],
    );
    await db.pool.query(
      `INSERT INTO duty_roster_exceptions VALUES ('511902', 'day', '2026-12-08', $1, NULL, 'leave', now(), 't')`,
      [B],
    );
    await migrate(db.pool, { direction: 'up' });

    const tables = await db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('duty_rosters', 'duty_roster_exceptions')",
    );
    expect(tables.rows[0]?.n).toBe(0);
    const cache = new ActiveVersionCache<Doc>(db.pool, repo, asDoc);
    expect(await cache.refresh()).toEqual({
      version: 1,
      document: {
        patterns: [
          { regionCode: '511902', shift: 'day', weekday: 1, primaryUserId: A, backupUserId: B },
          { regionCode: 'city', shift: 'night', weekday: 0, primaryUserId: B, backupUserId: null },
        ],
        exceptions: [
          {
            regionCode: '511902',
            shift: 'day',
            date: '2026-12-08',
            primaryUserId: B,
            backupUserId: null,
            reason: 'leave',
          },
        ],
      },
    });

    const at = new Date();
    const revised = await withTransaction(db.pool, (tx) =>
      reviseActive<Doc>(tx, repo, {
        validate: asDoc,
        by: 'spec',
        at,
        build: (current) => ({
          document: {
            patterns: [
              ...(current?.patterns ?? []),
              { regionCode: '511902', shift: 'night', weekday: 2, primaryUserId: B, backupUserId: A },
            ],
            exceptions: current?.exceptions ?? [],
          },
          note: 'add a night',
        }),
      }),
    );
    expect({ version: revised.version, previous: revised.previous }).toEqual({ version: 2, previous: 1 });
    const list = await repo.list(db.pool);
    expect(list.map((v) => [v.version, v.status, v.size, v.proposedBy])).toEqual([
      [2, 'active', 4, 'spec'],
      [1, 'retired', 3, 'system'],
    ]);
    expect((await cache.refresh())?.version).toBe(2);

    await downToBeforeIt(db);
    const rows = await db.pool.query<{ region_code: string; shift: string; weekday: number }>(
      'SELECT region_code, shift, weekday FROM duty_rosters ORDER BY region_code, shift, weekday',
    );
    expect(rows.rows).toEqual([
      { region_code: '511902', shift: 'day', weekday: 1 },
      { region_code: '511902', shift: 'night', weekday: 2 },
      { region_code: 'city', shift: 'night', weekday: 0 },
    ]);
    const exceptions = await db.pool.query<{ reason: string }>('SELECT reason FROM duty_roster_exceptions');
    expect(exceptions.rows).toEqual([{ reason: 'leave' }]);
    await migrate(db.pool, { direction: 'up' });
  }, 120_000);
});
