import { type Queryable } from './transaction';

/**
 * Every writer of `alert_changes` (the warning service, the API) takes this transaction lock before
 * inserting, so seqs commit in the order they are assigned. Without it a change can commit with a
 * lower seq after a higher one is visible, and a client resuming "after seq N" would miss it.
 */
export const ALERT_CHANGES_LOCK_KEY = 7_261_141;

export async function lockAlertChangeSequence(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ALERT_CHANGES_LOCK_KEY]);
}
