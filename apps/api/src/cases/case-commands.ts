import {
  type AssignCommand,
  type CaseEvent,
  type CloseCommand,
  type EscalateCommand,
  type LeaderCommand,
  type MediationCommand,
  type ReopenCommand,
  type ResolveCaseCommand,
  type TriageCommand,
} from '@fengqiao/contracts';

/** A lifecycle command as the controller hands it over: the event type it produces and its body. */
export type CaseCommand =
  | { readonly type: 'triaged'; readonly body: TriageCommand }
  | { readonly type: 'assigned'; readonly body: AssignCommand }
  | { readonly type: 'in-mediation'; readonly body: MediationCommand }
  | { readonly type: 'resolved'; readonly body: ResolveCaseCommand }
  | { readonly type: 'closed'; readonly body: CloseCommand }
  | { readonly type: 'reopened'; readonly body: ReopenCommand }
  | { readonly type: 'escalated'; readonly body: EscalateCommand }
  | { readonly type: 'leader-assigned'; readonly body: LeaderCommand };

type Base = Pick<CaseEvent, 'schema' | 'eventId' | 'caseId' | 'occurredAt' | 'channel' | 'region' | 'actor'>;

/** What the triage of a case needs decided before its event can be written. */
export interface TriageDecision {
  readonly category: Extract<CaseEvent, { type: 'triaged' }>['category'];
  readonly routing: {
    tier: Extract<CaseEvent, { type: 'triaged' }>['tier'];
    department: string;
    unit: NonNullable<Extract<CaseEvent, { type: 'triaged' }>['unit']>;
  };
  readonly overrideReason?: string;
  readonly dueAt: string;
}

/** The event a command produces, from the common fields and (for triage and reopening) a due time. */
export function eventOf(
  cmd: CaseCommand,
  base: Base,
  triage: TriageDecision | undefined,
  dueAt: string | undefined,
): CaseEvent {
  switch (cmd.type) {
    case 'triaged': {
      if (triage === undefined) throw new Error('triage decision missing');
      const { routing, overrideReason } = triage;
      return {
        ...base,
        type: 'triaged',
        category: triage.category,
        ...routing,
        ...(overrideReason === undefined ? {} : { overrideReason }),
        dueAt: triage.dueAt,
      };
    }
    case 'assigned':
      return { ...base, type: 'assigned', ...cmd.body };
    case 'in-mediation':
      return { ...base, type: 'in-mediation', ...cmd.body };
    case 'resolved':
      return { ...base, type: 'resolved', ...cmd.body };
    case 'closed':
      return { ...base, type: 'closed', ...cmd.body };
    case 'reopened':
      return { ...base, type: 'reopened', ...cmd.body, ...(dueAt === undefined ? {} : { dueAt }) };
    case 'escalated':
      return { ...base, type: 'escalated', ...cmd.body };
    case 'leader-assigned':
      return { ...base, type: 'leader-assigned', ...cmd.body };
  }
}
