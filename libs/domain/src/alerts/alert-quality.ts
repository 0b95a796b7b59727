import {
  type Alert,
  type AlertColour,
  type AlertQualityFigures,
  type AlertQualityRow,
} from '@fengqiao/contracts';

/** What the quality figures need of one alert (times as epoch ms). */
export interface AlertQualityFact {
  readonly ruleId: string;
  readonly colour: AlertColour;
  /** The region the alert is counted under in `byRegion` (a county or a township code). */
  readonly region: string;
  readonly raisedAtMs: number;
  readonly acknowledgedAtMs?: number;
  readonly resolvedAtMs?: number;
  readonly outcome?: Alert['outcome'];
}

/** The figures of a set of alerts, and of each level, region and rule of it. */
export interface AlertQuality {
  readonly overall: AlertQualityFigures;
  readonly byLevel: readonly AlertQualityRow[];
  readonly byRegion: readonly AlertQualityRow[];
  readonly byRule: readonly AlertQualityRow[];
}

const LEVEL_ORDER: readonly AlertColour[] = ['red', 'orange', 'blue'];

/** The median, rounded to a whole ms (the mean of the middle two for an even count); null when empty. */
export function medianMs(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return Math.round(sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2);
}

/** Time from raise to `atMs`; a time before the raise (a clock skew) is no measurement. */
function sinceRaise(raisedAtMs: number, atMs: number | undefined): number | undefined {
  return atMs === undefined || atMs < raisedAtMs ? undefined : atMs - raisedAtMs;
}

/**
 * MTTA / MTTR as medians of raise → acknowledgement / resolution; the false-alarm rate over the
 * resolutions an officer judged (an outcome given). The engine clearing an alert by itself counts
 * for MTTR but is no judgement either way.
 */
export function qualityFigures(facts: readonly AlertQualityFact[]): AlertQualityFigures {
  const acks: number[] = [];
  const fixes: number[] = [];
  let judged = 0;
  let falseAlarms = 0;
  for (const f of facts) {
    const ack = sinceRaise(f.raisedAtMs, f.acknowledgedAtMs);
    if (ack !== undefined) acks.push(ack);
    const fix = sinceRaise(f.raisedAtMs, f.resolvedAtMs);
    if (fix !== undefined) fixes.push(fix);
    if (f.resolvedAtMs !== undefined && f.outcome !== undefined) {
      judged += 1;
      if (f.outcome === 'false-alarm') falseAlarms += 1;
    }
  }
  return {
    alerts: facts.length,
    acknowledged: acks.length,
    mttaMs: medianMs(acks),
    resolved: fixes.length,
    mttrMs: medianMs(fixes),
    judged,
    falseAlarms,
    falseAlarmRate: judged === 0 ? null : falseAlarms / judged,
  };
}

function rowsBy(
  facts: readonly AlertQualityFact[],
  keyOf: (f: AlertQualityFact) => string,
  order: (a: AlertQualityRow, b: AlertQualityRow) => number,
): AlertQualityRow[] {
  const groups = new Map<string, AlertQualityFact[]>();
  for (const f of facts) {
    const key = keyOf(f);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [f]);
    else list.push(f);
  }
  return [...groups].map(([key, list]) => ({ key, ...qualityFigures(list) })).sort(order);
}

/** Most alerts first, then by key: the busiest region or rule leads. */
const byVolume = (a: AlertQualityRow, b: AlertQualityRow): number =>
  b.alerts - a.alerts || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const bySeverity = (a: AlertQualityRow, b: AlertQualityRow): number =>
  LEVEL_ORDER.indexOf(a.key as AlertColour) - LEVEL_ORDER.indexOf(b.key as AlertColour);

/** The figures overall and by level (red first), region and rule (most alerts first). */
export function alertQuality(facts: readonly AlertQualityFact[]): AlertQuality {
  return {
    overall: qualityFigures(facts),
    byLevel: rowsBy(facts, (f) => f.colour, bySeverity),
    byRegion: rowsBy(facts, (f) => f.region, byVolume),
    byRule: rowsBy(facts, (f) => f.ruleId, byVolume),
  };
}
