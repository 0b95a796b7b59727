import { loadConfig } from '@fengqiao/config';
import { createPool, type DbPool } from './pool';
import { withTransaction } from './transaction';

// The one transaction helper: a connection that broke mid-transaction is destroyed, never handed to
// the next caller, and its death fails the transaction, not the process.
// libs/testing imports this lib, so the int tier's database is read from config directly.
const config = loadConfig();
if (!/\/fengqiao_test_\d+$/.test(config.postgres.url)) throw new Error('run through the int tier');
let pool: DbPool;
let admin: DbPool;
const uncaught: unknown[] = [];
const record = (err: unknown): void => {
  uncaught.push(err);
};

beforeAll(() => {
  pool = createPool(config.postgres.url, { max: 1 });
  admin = createPool(config.postgres.url, { max: 1 });
  process.on('uncaughtException', record);
});

afterAll(async () => {
  process.removeListener('uncaughtException', record);
  await pool.end();
  await admin.end();
});

const backendPid = async (): Promise<number> =>
  (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? -1;

it('a connection terminated mid-transaction fails that transaction and is destroyed, not reused', async () => {
  let removed = 0;
  pool.on('remove', () => {
    removed += 1;
  });
  let killed = -1;
  const tx = withTransaction(pool, async (client) => {
    killed = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? -1;
    await admin.query('SELECT pg_terminate_backend($1)', [killed]);
    // Idle in the transaction while the server's goodbye arrives, then use the dead connection.
    await new Promise((r) => setTimeout(r, 300));
    await client.query('SELECT 1');
  });
  await expect(tx).rejects.toThrow();
  expect(uncaught).toEqual([]);
  expect(removed).toBe(1);
  const next = await backendPid();
  expect(next).not.toBe(killed);
  expect(next).toBeGreaterThan(0);
});

it('a transaction its work refuses is rolled back and its healthy connection is kept', async () => {
  const before = await backendPid();
  const refused = Object.assign(new Error('no such alert'), { code: 'NOT_FOUND' });
  await expect(
    withTransaction(pool, async (client) => {
      await client.query('SELECT 1');
      throw refused;
    }),
  ).rejects.toBe(refused);
  expect(await backendPid()).toBe(before);
  const state = await pool.query<{ tx: string }>('SELECT txid_current_if_assigned()::text AS tx');
  expect(state.rows[0]?.tx ?? null).toBeNull();
});
