import { type Alert, type AlertColour, type GeoPoint, type Rule } from '@fengqiao/contracts';
import { type ActiveSignal, type InactiveSignal } from '../alerts/decisions';

/** At most this many evidence ids travel with an alert (the contract allows 200). */
export const EVIDENCE_CAP = 50;

type Scalar = string | number | boolean;

export interface SignalParts {
  /** What the alert is about; its first `|` segment is the place (camera or township). */
  readonly subject: string;
  readonly colour: AlertColour;
  readonly region: Alert['region'];
  readonly location?: GeoPoint;
  readonly extraLabels?: Readonly<Record<string, string>>;
  readonly edge: boolean;
  readonly summary: string;
  readonly evidence: readonly string[];
  readonly values: Record<string, Scalar>;
  readonly thresholds: Record<string, Scalar>;
}

const COLOUR_ZH: Readonly<Record<AlertColour, string>> = { blue: '蓝色', orange: '橙色', red: '红色' };

/** The colour as the wall names it. */
export const colourZh = (c: AlertColour): string => COLOUR_ZH[c];

export const dedupKeyOf = (ruleId: string, subject: string): string => `${ruleId}:${subject}`;

export function activeSignal(rule: Rule, p: SignalParts): ActiveSignal {
  const place = p.subject.split('|')[0] ?? p.subject;
  const labels = {
    ruleId: rule.id,
    kind: rule.kind,
    colour: p.colour,
    county: p.region.county,
    township: p.region.township ?? '',
    subject: p.subject,
    place,
    ...p.extraLabels,
  };
  const evidence = p.evidence.length > EVIDENCE_CAP ? p.evidence.slice(-EVIDENCE_CAP) : [...p.evidence];
  const sig: ActiveSignal = {
    active: true,
    ruleId: rule.id,
    ruleVersion: rule.version,
    dedupKey: dedupKeyOf(rule.id, p.subject),
    edge: p.edge,
    pendingMs: rule.pendingMs,
    clearAfterMs: rule.clearAfterMs,
    groupBy: rule.groupBy,
    colour: p.colour,
    title: rule.title,
    labels,
    region: p.region,
    // The wall reads the summary in Chinese; the rule id and version say which rule judged.
    explanation: {
      summary: `${p.summary}（规则 ${rule.id} 第 ${rule.version} 版）`.slice(0, 500),
      evidence,
      values: p.values,
      thresholds: p.thresholds,
    },
  };
  return p.location === undefined ? sig : { ...sig, location: p.location };
}

export function inactiveSignal(rule: Rule, subject: string): InactiveSignal {
  return { active: false, dedupKey: dedupKeyOf(rule.id, subject), clearAfterMs: rule.clearAfterMs };
}

/** The highest level whose threshold the value meets (levels may be listed in any order). */
export function levelOf(
  levels: readonly { colour: AlertColour; atLeast: number }[],
  value: number,
): { colour: AlertColour; atLeast: number } | undefined {
  let best: { colour: AlertColour; atLeast: number } | undefined;
  for (const l of levels)
    if (value >= l.atLeast && (best === undefined || l.atLeast > best.atLeast)) best = l;
  return best;
}

export function thresholdsOf(
  levels: readonly { colour: AlertColour; atLeast: number }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of levels) out[l.colour] = l.atLeast;
  return out;
}
