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
    client.release(broken !== undefined && isConnectionError(broken) ? broken : undefined);
  }
}

// SQLSTATE classes that mean "try again later" rather than "this data is wrong": connection
// exceptions (08), insufficient resources (53), operator intervention (57: admin shutdown, crash
// recovery), and serialization failures/deadlocks (40001, 40P01).
const TRANSIENT_SQLSTATE = /^(08|53|57)|^40001$|^40P01$/;
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/** True when the error means the database is unreachable or busy, not that the data is bad. */
export function isTransientDbError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as Error & { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code)))
    return true;
  return isConnectionError(err);
}

function isConnectionError(err: Error): boolean {
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(
    err.message,
  );
}
