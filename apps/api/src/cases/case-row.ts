import {
  type CaseClock,
  type CaseEvent,
  type CaseSummary,
  type CaseTimelineEntry,
} from '@fengqiao/contracts';
import { readClock } from '@fengqiao/domain';

/** A row of `cases` as pg returns it. */
export interface CaseRow {
  readonly case_id: string;
  readonly state: CaseSummary['state'];
  readonly channel: CaseSummary['channel'];
  readonly county: string;
  readonly township: string;
  readonly village: string | null;
  readonly grid: string | null;
  readonly category: CaseSummary['category'];
  readonly summary: string;
  readonly lon: number | null;
  readonly lat: number | null;
  readonly parties_count: number;
  readonly risk_flags: Record<string, unknown>;
  readonly repeat_of: string | null;
  readonly tier: CaseSummary['tier'];
  readonly department: string | null;
  readonly unit: CaseSummary['unit'];
  readonly assignee: string | null;
  readonly leader: string | null;
  readonly escalated_to: CaseSummary['escalatedTo'];
  readonly satisfaction: number | null;
  readonly reported_at: Date;
  readonly updated_at: Date;
  readonly clock_kind: CaseClock['kind'];
  readonly clock_started_at: Date;
  readonly due_at: Date | null;
  readonly clock_stopped_at: Date | null;
}

/** A row of `case_events` for the timeline. */
export interface CaseEventRecord {
  readonly event_id: string;
  readonly type: CaseTimelineEntry['type'];
  readonly occurred_at: Date;
  readonly channel: CaseTimelineEntry['channel'];
  readonly payload: Record<string, unknown>;
}

export interface CasePartyRow {
  readonly name: string;
  readonly phone: string | null;
  readonly id_number: string | null;
}

export function clockOf(r: CaseRow, nowMs: number): CaseClock {
  const reading = readClock({
    startMs: r.clock_started_at.getTime(),
    dueMs: r.due_at?.getTime() ?? null,
    stoppedMs: r.clock_stopped_at?.getTime() ?? null,
    nowMs,
  });
  return {
    kind: r.clock_kind,
    startedAt: r.clock_started_at.toISOString(),
    dueAt: r.due_at?.toISOString() ?? null,
    timeLeftMs: reading.timeLeftMs,
    status: reading.status,
  };
}

export function toSummary(r: CaseRow, nowMs: number): CaseSummary {
  return {
    caseId: r.case_id,
    state: r.state,
    channel: r.channel,
    category: r.category,
    summary: r.summary,
    region: {
      county: r.county,
      township: r.township,
      ...(r.village === null ? {} : { village: r.village }),
      ...(r.village === null || r.grid === null ? {} : { grid: r.grid }),
    },
    tier: r.tier,
    department: r.department,
    unit: r.unit,
    assignee: r.assignee,
    leader: r.leader,
    escalatedTo: r.escalated_to,
    reportedAt: r.reported_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    repeatOf: r.repeat_of,
    clock: clockOf(r, nowMs),
  };
}

/** Fields every event has; the timeline shows the rest as the entry's detail. */
const COMMON: readonly string[] = [
  'schema',
  'eventId',
  'caseId',
  'occurredAt',
  'channel',
  'region',
  'type',
  'actor',
  'parties',
  'partyKeys',
] satisfies (keyof CaseEvent | 'parties' | 'partyKeys')[];

export function toTimelineEntry(r: CaseEventRecord): CaseTimelineEntry {
  const detail = Object.fromEntries(Object.entries(r.payload).filter(([k]) => !COMMON.includes(k)));
  const actor = r.payload.actor as { userId: string; role: string } | undefined;
  return {
    eventId: r.event_id,
    type: r.type,
    occurredAt: r.occurred_at.toISOString(),
    channel: r.channel,
    actor: actor === undefined ? null : { userId: actor.userId, role: actor.role },
    detail,
  };
}
