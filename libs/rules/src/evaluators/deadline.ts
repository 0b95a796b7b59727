import { type Alert, type AlertColour, type CaseEvent, type ServiceTier } from '@fengqiao/contracts';
import { type Signal } from '../alerts/decisions';
import { type Compiled } from '../ruleset/compile';
import { isoOf, type WorkingCalendar } from '@fengqiao/domain';
import { activeSignal, inactiveSignal, levelOf, thresholdsOf } from './signal';
import { regionOf } from './single-event';

type DeadlineRule = Compiled<'deadline'>;

/** A case held to a service-tier promise, from its start event until a stop event. */
export interface OpenDeadline {
  rule: DeadlineRule;
  readonly caseId: string;
  readonly startMs: number;
  readonly dueMs: number;
  readonly region: Alert['region'];
  readonly evidence: string[];
  colour: AlertColour | undefined;
}

/** case id → rule id → its open deadline: one lookup per case event, whatever the rule count. */
export type DeadlineState = Map<string, Map<string, OpenDeadline>>;

/**
 * case id → its service tier and when it was last heard of: what a reopening restarts (the
 * `reopened` event carries no tier). Forgotten on tick once the case has no open deadline and has
 * been quiet for CASE_MEMORY_MS, so the map is bounded by the cases of that period.
 */
export type CaseTiers = Map<string, { tier: ServiceTier | undefined; seenMs: number }>;
export const CASE_MEMORY_MS = 92 * 24 * 3_600_000;

const subjectOf = (d: { region: Alert['region']; caseId: string }): string =>
  `${d.region.township ?? d.region.county}|${d.caseId}`;

function starts(rule: DeadlineRule, e: CaseEvent): boolean {
  if (rule.startOn !== e.type) return false;
  return rule.tier === 'any' || (e.type === 'triaged' && e.tier === rule.tier);
}

/** Opens and stops the deadlines a case event concerns; a stop clears any alert it had raised. */
export function deadlineOnEvent(
  rules: readonly DeadlineRule[],
  state: DeadlineState,
  calendar: WorkingCalendar,
  e: CaseEvent,
  atMs: number,
  out: Signal[],
  tiers: CaseTiers,
): void {
  const known = tiers.get(e.caseId);
  tiers.set(e.caseId, { tier: e.type === 'triaged' ? e.tier : known?.tier, seenMs: atMs });
  if (e.type === 'reopened') return restartOnReopen(rules, state, calendar, e, atMs, out, known?.tier);
  let open = state.get(e.caseId);
  if (open !== undefined) {
    for (const [ruleId, d] of open) {
      if (!(d.rule.stopOn as readonly string[]).includes(e.type)) continue;
      open.delete(ruleId);
      if (d.colour !== undefined) out.push(inactiveSignal(d.rule, subjectOf(d)));
    }
  }
  for (const rule of rules) {
    if (!starts(rule, e) || open?.has(rule.id) === true) continue;
    if (open === undefined) state.set(e.caseId, (open = new Map<string, OpenDeadline>()));
    open.set(rule.id, freshDeadline(rule, calendar, e, atMs));
  }
  if (open !== undefined && open.size === 0) state.delete(e.caseId);
}

function freshDeadline(
  rule: DeadlineRule,
  calendar: WorkingCalendar,
  e: CaseEvent,
  atMs: number,
): OpenDeadline {
  const dueMs = calendar.dueAt(atMs, rule.due);
  const region = regionOf(e.region);
  return { rule, caseId: e.caseId, startMs: atMs, dueMs, region, evidence: [e.eventId], colour: undefined };
}

/**
 * A reopened case starts a new round: every clock of its tier (and the tier-less ones after
 * routing) restarts from the reopening on the working-day calendar, and a breach of the previous
 * round is cleared, since it judged a round that is over. Routing is not restarted: the case keeps
 * its routing. With the tier unknown (triaged before the engine's memory) only `any` rules restart.
 */
function restartOnReopen(
  rules: readonly DeadlineRule[],
  state: DeadlineState,
  calendar: WorkingCalendar,
  e: Extract<CaseEvent, { type: 'reopened' }>,
  atMs: number,
  out: Signal[],
  tier: ServiceTier | undefined,
): void {
  let open = state.get(e.caseId);
  for (const rule of rules) {
    if (rule.startOn === 'reported' || (rule.tier !== 'any' && rule.tier !== tier)) continue;
    const previous = open?.get(rule.id);
    if (previous?.colour !== undefined) out.push(inactiveSignal(rule, subjectOf(previous)));
    if (open === undefined) state.set(e.caseId, (open = new Map<string, OpenDeadline>()));
    open.set(rule.id, freshDeadline(rule, calendar, e, atMs));
  }
}

/** Tick: forgets the tiers of cases with no open deadline that have been quiet for CASE_MEMORY_MS. */
export function forgetQuietCases(tiers: CaseTiers, state: DeadlineState, now: number): void {
  for (const [caseId, t] of tiers)
    if (now - t.seenMs > CASE_MEMORY_MS && !state.has(caseId)) tiers.delete(caseId);
}

/** Tick: raises the colour of cases that used enough of their allowed time. */
export function deadlineOnTick(state: DeadlineState, now: number, out: Signal[]): void {
  for (const byRule of state.values()) for (const open of byRule.values()) judge(open, now, out);
}

function judge(open: OpenDeadline, now: number, out: Signal[]): void {
  const { rule } = open;
  const allowed = Math.max(1, open.dueMs - open.startMs);
  const used = (now - open.startMs) / allowed;
  const level = levelOf(rule.levels, used);
  if (level === undefined || level.colour === open.colour) return;
  open.colour = level.colour;
  const hoursLeft = Math.round(((open.dueMs - now) / 3_600_000) * 10) / 10;
  out.push(
    activeSignal(rule, {
      subject: subjectOf(open),
      colour: level.colour,
      region: open.region,
      extraLabels: { tier: rule.tier },
      edge: false,
      summary: `案件 ${open.caseId} 已用去 ${rule.tier} 办理时限的 ${Math.round(used * 100)}%，截止 ${isoOf(open.dueMs)}`,
      evidence: open.evidence,
      values: { usedShare: Math.round(used * 1000) / 1000, hoursLeft, dueAt: isoOf(open.dueMs) },
      thresholds: thresholdsOf(rule.levels),
    }),
  );
}
