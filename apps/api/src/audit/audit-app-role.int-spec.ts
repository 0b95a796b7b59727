import { createPool, type DbPool } from '@fengqiao/db';
import { testConfig } from '@fengqiao/testing';
import { type Queryable } from '../infra/database';

// Issue 17 #7: the applications' database role may add to the audit log but never change it.
// Before, compose connected the apps as the superuser, and only triggers (which an owner or a
// superuser may switch off) stood in the way. Now the apps connect as fengqiao_app (migration
// 20261206210415 grants it; the stack creates it and makes the owner a member, so this spec can
// SET ROLE to it): INSERT and SELECT on audit_log and audit_checkpoints, no UPDATE, DELETE or
// TRUNCATE, refused by the privilege system itself ("permission denied"), not by a trigger.
const config = testConfig();
let pool: DbPool;

async function asApp<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SET LOCAL ROLE fengqiao_app');
    return await work(c);
  } finally {
    await c.query('ROLLBACK');
    c.release();
  }
}

const refusal = (work: (db: Queryable) => Promise<unknown>): Promise<string> =>
  asApp(work).then(
    () => 'allowed',
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );

beforeAll(async () => {
  pool = createPool(config.postgres.url, { max: 2 });
  const member = await pool.query<{ ok: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fengqiao_app') AND pg_has_role('fengqiao_app', 'MEMBER') AS ok",
  );
  if (member.rows[0]?.ok !== true)
    throw new Error('role fengqiao_app missing or not granted to the owner: `npm run stack:up` creates it');
});
afterAll(async () => {
  await pool.end();
});

describe('the applications’ database role (real PostgreSQL)', () => {
  it('may append to the audit log and read it', async () => {
    const inserted = await asApp(async (db) => {
      await db.query(
        `INSERT INTO audit_log (occurred_at, actor_user_id, actor_role, action, target_type, target_id, detail, prev_hash, hash)
         VALUES (now(), 'u', 'admin', 'test.append', 'test', '1', '{}', $1, md5(random()::text) || md5(random()::text))`,
        ['0'.repeat(64)],
      );
      const res = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.append'",
      );
      return res.rows[0]?.n;
    });
    expect(inserted).toBe(1);
  });

  it.each([
    ['UPDATE audit_log', "UPDATE audit_log SET action = 'rewritten'"],
    ['DELETE FROM audit_log', 'DELETE FROM audit_log'],
    ['TRUNCATE audit_log', 'TRUNCATE audit_log'],
    ['UPDATE audit_checkpoints', "UPDATE audit_checkpoints SET signature = 'x'"],
    ['DELETE FROM audit_checkpoints', 'DELETE FROM audit_checkpoints'],
    ['TRUNCATE audit_checkpoints', 'TRUNCATE audit_checkpoints'],
    ['ALTER TABLE audit_log DISABLE TRIGGER', 'ALTER TABLE audit_log DISABLE TRIGGER USER'],
  ])('may not %s', async (_t, sql) => {
    expect(await refusal((db) => db.query(sql))).toMatch(/^(permission denied|must be owner)/);
  });

  it('still reads and writes the ordinary tables (the alert a duty officer acknowledges)', async () => {
    expect(await refusal((db) => db.query('SELECT count(*) FROM alerts'))).toBe('allowed');
    expect(await refusal((db) => db.query('UPDATE users SET display_name = display_name WHERE false'))).toBe(
      'allowed',
    );
  });
});
