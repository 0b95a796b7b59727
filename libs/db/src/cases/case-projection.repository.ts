import { type Queryable } from '../transaction';

/** What the fold needs of an event: its key in case_events. */
export interface CaseEventKey {
  readonly eventId: string;
  readonly occurredAt: string;
}

/**
 * The one case projection (`cases`, kept from case_events by fq_case_apply), for bulk writers:
 * inside `folded`, the row trigger stands aside and each case's events that the transaction
 * inserted are folded and written once at the end (migrations 20261207112900 and 20261207191000),
 * with the rows the trigger would have left. The history writes whole case lives, about six events
 * a case.
 */
export class CaseProjectionRepository {
  /**
   * Runs `write`, which inserts `events` into case_events on `db` and answers the ids of those it
   * inserted (not those already stored: a redelivered event is applied once), then folds those
   * events, in the order of `events`, per case; answers how many were inserted. `db` must be a
   * client inside a transaction: outside one, the deferral ends with its own statement and the
   * trigger projects the events one at a time.
   *
   * The writer names what it inserted, rather than the fold finding it by `xmin`: TimescaleDB
   * refuses system columns other than tableoid on a compressed chunk ("transparent decompression
   * only supports tableoid system column"), and the history writes days whose chunks the
   * compression policy (after 1 day) may already have compressed.
   */
  async folded(
    db: Queryable,
    events: readonly CaseEventKey[],
    write: () => Promise<readonly string[]>,
  ): Promise<number> {
    await db.query('SELECT fq_case_projection_fold_begin()');
    const inserted = new Set(await write());
    const fold = events.filter((e) => inserted.has(e.eventId));
    await db.query('SELECT fq_case_projection_fold($1::uuid[], $2::timestamptz[])', [
      fold.map((e) => e.eventId),
      fold.map((e) => e.occurredAt),
    ]);
    return inserted.size;
  }
}
