import { type Queryable } from '../transaction';

/** What the fold needs of an event: its key in case_events. */
export interface CaseEventKey {
  readonly eventId: string;
  readonly occurredAt: string;
}

/**
 * The one case projection (`cases`, kept from case_events by fq_case_apply), for bulk writers:
 * inside `folded`, the row trigger stands aside and each case's events that the transaction
 * inserted are folded and written once at the end (migration 20261207112900), with the rows the
 * trigger would have left. The history writes whole case lives, about six events a case.
 */
export class CaseProjectionRepository {
  /**
   * Runs `write` (inserting `events`, in this order, into case_events on `db`) with the projection
   * folded per case at its end. `db` must be a client inside a transaction: outside one, the
   * deferral ends with its own statement and the trigger projects the events one at a time.
   */
  async folded<T>(db: Queryable, events: readonly CaseEventKey[], write: () => Promise<T>): Promise<T> {
    await db.query('SELECT fq_case_projection_fold_begin()');
    const result = await write();
    await db.query('SELECT fq_case_projection_fold($1::uuid[], $2::timestamptz[])', [
      events.map((e) => e.eventId),
      events.map((e) => e.occurredAt),
    ]);
    return result;
  }
}
