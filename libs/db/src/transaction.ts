import { type PoolClient } from 'pg';
import { type DbPool } from './pool';

/** Something a repository method can run one query on: a pool or a client inside a transaction. */
export interface Queryable {
  query: PoolClient['query'];
}

/**
 * Runs `work` inside one transaction on one pooled client. A failed transaction is rolled back. A
 * client is given back to the pool only when that rollback succeeded (the server answered, the
 * session is idle again); a client whose connection broke, or whose rollback failed, is destroyed.
 * While checked out the client has an error listener: a connection that dies mid-transaction (the
 * server restarted, an administrator terminated it) fails the transaction instead of the process.
 */
export async function withTransaction<T>(pool: DbPool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (err: Error): void => {
    lost ??= err;
  };
  client.on('error', onError);
  let discard: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    const failed = err instanceof Error ? err : new Error(String(err));
    discard = await client.query('ROLLBACK').then(
      () => lost ?? (isConnectionFailure(err) ? failed : undefined),
      () => lost ?? failed,
    );
    throw err;
  } finally {
    client.removeListener('error', onError);
    client.release(discard ?? lost);
  }
}

// A connection-level failure leaves the session in an unknown state even when a rollback answers:
// 08 connection exceptions, 57P admin shutdown / crash / cannot connect now, and socket errno codes.
const CONNECTION_SQLSTATE = /^(08|57P)/;
const SOCKET_ERRNO = /^E[A-Z]+$/;

function isConnectionFailure(err: unknown): boolean {
  const code = codeOf(err);
  return code !== undefined && (CONNECTION_SQLSTATE.test(code) || SOCKET_ERRNO.test(code));
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
