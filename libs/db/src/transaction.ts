import { type PoolClient } from 'pg';
import { type DbPool } from './pool';

/** Something a repository method can run one query on: a pool or a client inside a transaction. */
export interface Queryable {
  query: PoolClient['query'];
}

/**
 * Runs `work` inside one transaction on one pooled client. A failed transaction is rolled back; a
 * client whose connection broke is destroyed rather than returned to the pool.
 */
export async function withTransaction<T>(pool: DbPool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    broken = err instanceof Error ? err : new Error(String(err));
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    // A client whose transaction failed for any reason but bad data may hold a dead socket: discard it.
    client.release(broken !== undefined && isTransientDbError(broken) ? broken : undefined);
  }
}

// Only the data can be wrong when PostgreSQL answers with a data exception (22) or an integrity
// violation (23): such a row will fail again, so it must be set aside. Everything else (no
// SQLSTATE: the socket failed; 08 connection, 53 resources, 57 shutdown, 40 serialization or
// deadlock, ...) may pass on a retry. Duck-typed: errors from another realm (jest) fail instanceof.
const DATA_SQLSTATE = /^(22|23)/;

function codeOf(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** True when the database refused the data itself; retrying the same rows cannot succeed. */
export function isDataRejectedError(err: unknown): boolean {
  const code = codeOf(err);
  return code !== undefined && DATA_SQLSTATE.test(code);
}

/** True when the failure is the database's state (unreachable, busy, restarting), not the data's. */
export function isTransientDbError(err: unknown): boolean {
  return !isDataRejectedError(err);
}

/** The SQLSTATE of a database error, if it has one (safe to log: no data). */
export function sqlStateOf(err: unknown): string | undefined {
  const code = codeOf(err);
  return code !== undefined && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
