import { type Alert } from '@fengqiao/contracts';
import { HOUR_MS, hourOfWeek } from '@fengqiao/domain';
import { type Signal } from '../alerts/decisions';
import { type Baseline } from '../baseline/baseline';
import { type Compiled } from '../ruleset/compile';
import { type Facts } from '../ruleset/facts';
import { activeSignal, EVIDENCE_CAP, inactiveSignal, levelOf, thresholdsOf } from './signal';

type AnomalyRule = Compiled<'anomaly'>;

/**
 * This hour's count for one township, compared with its baseline for the same hour of the week.
 * The count is the number of distinct event ids this hour (a redelivery counts once); the ids go
 * when the hour ends.
 */
export interface AnomalyCell {
  rule: AnomalyRule;
  readonly region: Alert['region'];
  readonly township: string;
  hour: number;
  count: number;
  readonly ids: Set<string>;
  readonly evidence: string[];
  hot: boolean;
}

export type AnomalyState = Map<string, AnomalyCell>;

function judge(cell: AnomalyCell, baseline: Baseline, offsetMs: number): Signal | undefined {
  const { rule } = cell;
  const how = hourOfWeek(cell.hour * HOUR_MS, offsetMs);
  const stat = baseline.stat(cell.township, rule.metric, how);
  // No baseline for this place: "unusual" is undefined, so the rule stays silent.
  if (stat === undefined) return undefined;
  const std = Math.max(stat.std, rule.minStd);
  const z = (cell.count - stat.mean) / std;
  const level = cell.count >= rule.minCount ? levelOf(rule.levels, z) : undefined;
  const wasHot = cell.hot;
  cell.hot = level !== undefined;
  if (level === undefined)
    return wasHot ? inactiveSignal(rule, `${cell.township}|${rule.metric}`) : undefined;
  return activeSignal(rule, {
    subject: `${cell.township}|${rule.metric}`,
    colour: level.colour,
    region: cell.region,
    edge: false,
    summary: `本小时 ${rule.metric} 计 ${cell.count} 起，同时段常值 ${stat.mean.toFixed(1)} ± ${std.toFixed(1)}，z = ${z.toFixed(2)}`,
    evidence: cell.evidence,
    values: { count: cell.count, mean: round(stat.mean), std: round(std), z: round(z), hourOfWeek: how },
    thresholds: { ...thresholdsOf(rule.levels), minCount: rule.minCount },
  });
}

function startHour(cell: AnomalyCell, hour: number): void {
  cell.hour = hour;
  cell.count = 0;
  cell.ids.clear();
  cell.evidence.length = 0;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

export function anomalyOnEvent(
  rules: readonly AnomalyRule[],
  source: AnomalyRule['source'],
  state: AnomalyState,
  ctx: { baseline: Baseline; offsetMs: number },
  facts: Facts,
  event: { eventId: string; atMs: number; region: Alert['region'] },
  out: Signal[],
): void {
  const township = event.region.township;
  if (township === undefined) return;
  for (const rule of rules) {
    if (rule.source !== source || !rule.test.test(facts)) continue;
    const key = `${rule.id}|${township}`;
    const hour = Math.floor(event.atMs / HOUR_MS);
    let cell = state.get(key);
    if (cell === undefined || cell.rule !== rule) {
      cell = {
        rule,
        region: { county: event.region.county, township },
        township,
        hour,
        count: 0,
        ids: new Set(),
        evidence: [],
        hot: false,
      };
      state.set(key, cell);
    }
    if (hour < cell.hour) continue; // a late event of an hour already judged
    if (hour > cell.hour) startHour(cell, hour);
    if (cell.ids.has(event.eventId)) continue; // a redelivery
    cell.ids.add(event.eventId);
    cell.count++;
    cell.evidence.push(event.eventId);
    if (cell.evidence.length > EVIDENCE_CAP) cell.evidence.shift();
    const s = judge(cell, ctx.baseline, ctx.offsetMs);
    if (s !== undefined) out.push(s);
  }
}

/** Tick: an hour that ended starts the next one at zero, which clears (after hysteresis) its alert. */
export function anomalyOnTick(
  state: AnomalyState,
  ctx: { baseline: Baseline; offsetMs: number },
  now: number,
  out: Signal[],
): void {
  const hour = Math.floor(now / HOUR_MS);
  for (const [key, cell] of state) {
    if (cell.hour >= hour) continue;
    if (!cell.hot) {
      state.delete(key);
      continue;
    }
    startHour(cell, hour);
    const s = judge(cell, ctx.baseline, ctx.offsetMs);
    if (s !== undefined) out.push(s);
  }
}
