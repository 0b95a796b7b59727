import { type CaseEvent } from '@fengqiao/contracts';
import { uuidV5 } from '../uuid-v5';

export type Body = Record<string, unknown> & { type: CaseEvent['type'] };

/** The id of the n-th (from 0) event of a type in a case's life: derived from the case, never random. */
export function caseEventId(caseId: string, type: CaseEvent['type'], n = 0): string {
  return uuidV5(`case/${caseId}/${type}/${n}`);
}

/** Appends a case's events one delay after another; ids come from (case, type, occurrence). */
export class CaseTimeline {
  readonly events: CaseEvent[] = [];
  private at: number;

  constructor(
    private readonly base: Pick<CaseEvent, 'schema' | 'caseId' | 'channel' | 'region'>,
    startMs: number,
    private readonly compress: number,
  ) {
    this.at = startMs;
  }

  /** The first event happens at the start itself; each later one `delayMs / compress` after the last. */
  push(delayMs: number, bodyOf: Body | ((atMs: number) => Body)): void {
    if (this.events.length > 0) this.at += Math.max(1, Math.round(delayMs / this.compress));
    const body = typeof bodyOf === 'function' ? bodyOf(this.at) : bodyOf;
    const n = this.events.filter((e) => e.type === body.type).length;
    const eventId = caseEventId(this.base.caseId, body.type, n);
    this.events.push({
      ...this.base,
      ...body,
      eventId,
      occurredAt: new Date(this.at).toISOString(),
    } as CaseEvent);
  }
}
