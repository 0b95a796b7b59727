import {
  assignCommandSchema,
  caseCommandResponseSchema,
  caseDetailSchema,
  caseIdParamsSchema,
  caseIntakeRequestSchema,
  caseIntakeResponseSchema,
  caseListQuerySchema,
  caseListResponseSchema,
  caseRevealRequestSchema,
  closeCommandSchema,
  duplicateCandidatesSchema,
  duplicateCheckRequestSchema,
  escalateCommandSchema,
  leaderCommandSchema,
  mediationCommandSchema,
  PARTY_REVEAL_ROLES,
  reopenCommandSchema,
  resolveCaseCommandSchema,
  routingSuggestionQuerySchema,
  routingSuggestionSchema,
  triageCommandSchema,
} from '../api/cases-api';
import { type UserRole } from '../api/auth';
import { ALL, type RouteSpec } from './route-spec';

/** Who records cases: the reception window (and administrators). */
export const INTAKE_ROLES: readonly UserRole[] = ['intake-clerk', 'admin'];
/**
 * Who moves a case along its lifecycle: the window, duty officers, administrators, and grid workers
 * (their own grid cells' cases only: the region scope does that).
 */
export const CASE_HANDLERS: readonly UserRole[] = ['duty-officer', 'intake-clerk', 'admin', 'grid-worker'];

const command = <B extends NonNullable<RouteSpec['body']>>(path: string, summary: string, body: B) =>
  ({
    method: 'POST',
    path: `cases/:caseId/${path}`,
    summary,
    access: CASE_HANDLERS,
    rateLimit: 'write',
    params: caseIdParamsSchema,
    body,
    response: caseCommandResponseSchema,
  }) as const satisfies RouteSpec;

/** The cases module's routes (spread into ROUTES). */
export const CASES_ROUTES = {
  'cases.intake': {
    method: 'POST',
    path: 'cases',
    summary: 'Record a case: validated, routed, checked for repeat visits; 202 once its events are on Kafka',
    access: INTAKE_ROLES,
    regionScope: 'region',
    rateLimit: 'write',
    idempotencyKey: 'optional',
    body: caseIntakeRequestSchema,
    response: caseIntakeResponseSchema,
  },
  'cases.routing': {
    method: 'GET',
    path: 'cases/routing',
    summary: 'Suggested tier, department and unit (asked again when category or place changes)',
    access: CASE_HANDLERS,
    query: routingSuggestionQuerySchema,
    response: routingSuggestionSchema,
  },
  'cases.duplicates': {
    method: 'POST',
    path: 'cases/duplicates',
    // POST: the parties are personal data and never travel in a URL.
    summary: 'Earlier cases with the same parties at the same place (repeat-visit candidates)',
    access: INTAKE_ROLES,
    regionScope: 'region',
    rateLimit: 'write',
    body: duplicateCheckRequestSchema,
    response: duplicateCandidatesSchema,
  },
  'cases.list': {
    method: 'GET',
    path: 'cases',
    summary: 'Cases in the caller’s scope with their tier clocks, open and most urgent first',
    access: ALL,
    regionScope: 'region',
    query: caseListQuerySchema,
    response: caseListResponseSchema,
  },
  'cases.detail': {
    method: 'GET',
    path: 'cases/:caseId',
    summary: 'A case with its timeline, parties masked (POST …/reveal shows them, for a stated reason)',
    access: ALL,
    params: caseIdParamsSchema,
    response: caseDetailSchema,
  },
  'cases.reveal': {
    method: 'POST',
    path: 'cases/:caseId/reveal',
    summary:
      'A case with its parties in full, for a stated reason; the view is audited in the same transaction',
    access: PARTY_REVEAL_ROLES,
    rateLimit: 'write',
    params: caseIdParamsSchema,
    body: caseRevealRequestSchema,
    response: caseDetailSchema,
  },
  'cases.triage': command(
    'triage',
    'Confirm the suggested routing, or override it with a reason',
    triageCommandSchema,
  ),
  'cases.assign': command('assign', 'Assign to a department and a person', assignCommandSchema),
  'cases.mediation': command('mediation', 'Start (joint) mediation', mediationCommandSchema),
  'cases.resolve': command('resolve', 'Resolve with an outcome', resolveCaseCommandSchema),
  'cases.close': command('close', 'Close with the parties’ satisfaction', closeCommandSchema),
  'cases.reopen': command('reopen', 'Reopen a resolved or closed case', reopenCommandSchema),
  'cases.escalate': command('escalate', 'Escalate to the township, county or city', escalateCommandSchema),
  'cases.leader': command('leader', 'Put a leader in personal charge (major disputes)', leaderCommandSchema),
} as const satisfies Record<string, RouteSpec>;
