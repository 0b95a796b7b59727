import { loadConfig } from '@fengqiao/config';
import { probeEngine } from './db-engine';
import { createPool, type DbPool } from './pool';

// The API's health names the engine with probeEngine, connected as the applications' own role, which
// is no superuser: shared_preload_libraries is hidden from it (current_setting() raised "must be
// superuser", the health check said "no answer" and every browser spec waited for a 503 API).
// loadConfig, not @fengqiao/testing (which depends on this lib): the int global setup's database URL.
let pool: DbPool;

beforeAll(() => {
  pool = createPool(loadConfig().postgres.url, { max: 1 });
});
afterAll(async () => {
  await pool.end();
});

describe('probeEngine as the applications’ role', () => {
  it('is not a superuser here, and still names the engine and the extension version', async () => {
    const who = await pool.query<{ su: boolean }>(
      'SELECT usesuper AS su FROM pg_user WHERE usename = current_user',
    );
    expect(who.rows[0]?.su).toBe(false);
    const engine = await probeEngine(pool);
    const ext = await pool.query<{ v: string }>(
      "SELECT extversion AS v FROM pg_extension WHERE extname = 'timescaledb'",
    );
    expect(engine).toMatchObject({
      engine: ext.rows[0] === undefined ? 'postgresql' : 'timescaledb',
      timescaleVersion: ext.rows[0]?.v ?? null,
      preloaded: ext.rows[0] !== undefined,
    });
    expect(engine.serverVersion).toMatch(/^PostgreSQL \d+/);
  });
});
