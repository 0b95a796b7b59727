import { type Queryable } from './transaction';

/** Which engine answers: TimescaleDB (extension created in this database) or plain PostgreSQL. */
export interface DbEngine {
  readonly engine: 'timescaledb' | 'postgresql';
  /** extversion in this database; null on plain PostgreSQL. */
  readonly timescaleVersion: string | null;
  /** shared_preload_libraries names timescaledb (the server could run it). */
  readonly preloaded: boolean;
  /** e.g. "PostgreSQL 15.18". */
  readonly serverVersion: string;
}

// shared_preload_libraries is readable only by superusers and pg_read_all_settings: for the
// applications' own role pg_settings hides the row (current_setting() would raise and the API's
// health would say "no answer"). TimescaleDB cannot be created in a database unless preloaded, so an
// installed extension stands for "preloaded" where the setting is hidden.
const ENGINE_SQL = `
WITH ext AS (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb')
SELECT (SELECT extversion FROM ext) AS ts,
       COALESCE((SELECT setting LIKE '%timescaledb%' FROM pg_settings WHERE name = 'shared_preload_libraries'),
                EXISTS (SELECT 1 FROM ext)) AS preloaded,
       'PostgreSQL ' || current_setting('server_version') AS server`;

/** One query: what the connected database runs on. */
export async function probeEngine(db: Queryable): Promise<DbEngine> {
  const res = await db.query<{ ts: string | null; preloaded: boolean; server: string }>(ENGINE_SQL);
  const row = res.rows[0];
  if (row === undefined) throw new Error('engine probe returned no row');
  return {
    engine: row.ts === null ? 'postgresql' : 'timescaledb',
    timescaleVersion: row.ts,
    preloaded: row.preloaded,
    serverVersion: row.server.split(' ').slice(0, 2).join(' '),
  };
}

/** "PostgreSQL 15.18 + TimescaleDB 2.28.3" or "PostgreSQL 15.18 (plain, no TimescaleDB)". */
export function describeEngine(e: DbEngine): string {
  return e.timescaleVersion === null
    ? `${e.serverVersion} (plain, no TimescaleDB)`
    : `${e.serverVersion} + TimescaleDB ${e.timescaleVersion}`;
}

/**
 * For test databases: unschedules the continuous aggregates' refresh jobs (TimescaleDB only). Their
 * watermark then stays where it is and real-time aggregation reads every newer raw row, so a spec's
 * writes, old buckets included, count at once instead of after the next background refresh.
 * Returns how many jobs were unscheduled (0 on plain PostgreSQL).
 */
export async function holdRollupRefresh(db: Queryable): Promise<number> {
  const ts = await db.query<{ ts: boolean }>('SELECT fq_has_timescale() AS ts');
  if (ts.rows[0]?.ts !== true) return 0;
  const res = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM timescaledb_information.jobs j,
       LATERAL alter_job(j.job_id, scheduled => false) a
     WHERE j.proc_name = 'policy_refresh_continuous_aggregate'`,
  );
  return res.rows[0]?.n ?? 0;
}
