import { Pool, types } from 'pg';

// bigint counts come back as JS numbers; our counts stay far below 2^53.
types.setTypeParser(types.builtins.INT8, (v) => Number(v));

export type DbPool = Pool;

export function createPool(url: string, options: { max?: number; applicationName?: string } = {}): DbPool {
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'fengqiao',
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (database restarted) must not kill the process.
  pool.on('error', (err) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'warn', component: 'db', message: 'idle client error', error: err.message })}\n`,
    );
  });
  return pool;
}
