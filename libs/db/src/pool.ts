import { Pool, types } from 'pg';

// bigint counts come back as JS numbers; our counts stay far below 2^53.
types.setTypeParser(types.builtins.INT8, (v) => Number(v));

export type DbPool = Pool;

/** The client limits of a pool; the apps pass `config.tuning.db` (libs/config). */
export interface PoolTuning {
  readonly statementTimeoutMs: number;
  readonly queryTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly keepAliveInitialDelayMs: number;
  readonly idleTimeoutMs: number;
}

export interface PoolOptions {
  readonly max?: number;
  readonly applicationName?: string;
  /** Without it (tools, tests, migrations) queries may run as long as they need. */
  readonly tuning?: PoolTuning;
}

export function createPool(url: string, options: PoolOptions = {}): DbPool {
  const t = options.tuning;
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'fengqiao',
    connectionTimeoutMillis: t?.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: t?.idleTimeoutMs ?? 30_000,
    // A half-open connection (a peer that vanished without a FIN, a stalled NAT) must fail the query
    // that waits on it, not hang it forever: the client timeout covers a server that never answers,
    // keepalive lets the kernel notice a dead peer on an idle connection.
    keepAlive: true,
    keepAliveInitialDelayMillis: t?.keepAliveInitialDelayMs ?? 10_000,
    ...(t === undefined ? {} : { statement_timeout: t.statementTimeoutMs, query_timeout: t.queryTimeoutMs }),
  });
  // An idle client losing its connection (database restarted) must not kill the process.
  pool.on('error', (err) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'warn', component: 'db', message: 'idle client error', error: err.message })}\n`,
    );
  });
  return pool;
}
