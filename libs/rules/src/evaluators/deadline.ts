import { type Alert, type AlertColour, type CaseEvent } from '@fengqiao/contracts';
import { type Signal } from '../alerts/decisions';
import { type Compiled } from '../ruleset/compile';
import { isoOf, type WorkingCalendar } from '../time/calendar';
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
): void {
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
    const dueMs = calendar.dueAt(atMs, rule.due);
    const region = regionOf(e.region);
    open.set(rule.id, {
      rule,
      caseId: e.caseId,
      startMs: atMs,
      dueMs,
      region,
      evidence: [e.eventId],
      colour: undefined,
    });
  }
  if (open !== undefined && open.size === 0) state.delete(e.caseId);
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
