import { type Alert } from '@fengqiao/contracts';
import { type Signal } from '../alerts/decisions';
import { type Compiled } from '../ruleset/compile';
import { type Facts } from '../ruleset/facts';
import { activeSignal, colourZh, EVIDENCE_CAP, inactiveSignal, levelOf, thresholdsOf } from './signal';

type WindowRule = Compiled<'window-threshold'>;

/**
 * A sliding window as a ring of fixed buckets, each holding the ids of the events it counted: a
 * count is exact to one bucket's width and an event redelivered by Kafka counts once. Memory is
 * (window / bucket) buckets per key plus the ids of the events inside the window, never more (a
 * bucket's ids go when it slides out).
 */
export interface WindowCell {
  rule: WindowRule;
  readonly subject: string;
  readonly region: Alert['region'];
  readonly counts: Int32Array;
  readonly bucketIds: Float64Array;
  /** The event ids each bucket counted (slot-aligned with `counts`). */
  readonly ids: Set<string>[];
  readonly evidence: string[];
  latest: number;
  /** An alert may be open or pending for this key: ticks must re-check it as the window slides. */
  hot: boolean;
}

export type WindowState = Map<string, WindowCell>;

function cellOf(state: WindowState, rule: WindowRule, subject: string, region: Alert['region']): WindowCell {
  const key = `${rule.id}|${subject}`;
  let cell = state.get(key);
  if (cell === undefined || cell.rule !== rule) {
    const n = rule.windowMs / rule.bucketMs;
    const bucketIds = new Float64Array(n).fill(-1);
    cell = {
      rule,
      subject,
      region,
      counts: new Int32Array(n),
      bucketIds,
      ids: Array.from({ length: n }, () => new Set<string>()),
      evidence: [],
      latest: -1,
      hot: false,
    };
    state.set(key, cell);
  }
  return cell;
}

function countAt(cell: WindowCell, bucket: number): number {
  const n = cell.counts.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const id = cell.bucketIds[i] ?? -1;
    if (id > bucket - n && id <= bucket) sum += cell.counts[i] ?? 0;
  }
  return sum;
}

/** True when a bucket still inside the window (relative to `bucket`) already counted this id. */
function counted(cell: WindowCell, bucket: number, eventId: string): boolean {
  const n = cell.counts.length;
  const newest = Math.max(bucket, cell.latest);
  for (let i = 0; i < n; i++) {
    const id = cell.bucketIds[i] ?? -1;
    if (id > newest - n && cell.ids[i]?.has(eventId) === true) return true;
  }
  return false;
}

function add(cell: WindowCell, bucket: number, eventId: string): boolean {
  const n = cell.counts.length;
  if (bucket <= cell.latest - n) return false; // older than the window: too late to count
  if (counted(cell, bucket, eventId)) return false; // a redelivery
  const slot = bucket % n;
  const ids = cell.ids[slot] ?? new Set<string>();
  cell.ids[slot] = ids;
  if (cell.bucketIds[slot] !== bucket) {
    if ((cell.bucketIds[slot] ?? -1) > bucket) return false;
    cell.bucketIds[slot] = bucket;
    cell.counts[slot] = 0;
    ids.clear();
  }
  ids.add(eventId);
  cell.counts[slot] = (cell.counts[slot] ?? 0) + 1;
  if (bucket > cell.latest) cell.latest = bucket;
  cell.evidence.push(eventId);
  if (cell.evidence.length > EVIDENCE_CAP) cell.evidence.shift();
  return true;
}

/** Drops the ids of buckets that slid out of the window ending at `bucket`. */
function forgetSlidOut(cell: WindowCell, bucket: number): void {
  const n = cell.counts.length;
  for (let i = 0; i < n; i++) if ((cell.bucketIds[i] ?? -1) <= bucket - n) cell.ids[i]?.clear();
}

function judge(cell: WindowCell, bucket: number): Signal {
  const { rule } = cell;
  forgetSlidOut(cell, bucket);
  const count = countAt(cell, bucket);
  const level = levelOf(rule.levels, count);
  cell.hot = level !== undefined;
  if (level === undefined) return inactiveSignal(rule, cell.subject);
  const hours = rule.windowMs / 3_600_000;
  return activeSignal(rule, {
    subject: cell.subject,
    colour: level.colour,
    region: cell.region,
    extraLabels: { category: cell.subject.split('|')[1] ?? 'all' },
    edge: false,
    summary: `${cell.subject} ${hours} 小时内发生 ${count} 起（≥ ${level.atLeast} 起为${colourZh(level.colour)}）`,
    evidence: cell.evidence,
    values: { count, windowMs: rule.windowMs },
    thresholds: thresholdsOf(rule.levels),
  });
}

/** Counts one event into every window rule it matches and judges the new counts. */
export function windowOnEvent(
  rules: readonly WindowRule[],
  source: WindowRule['source'],
  state: WindowState,
  facts: Facts,
  event: { eventId: string; atMs: number; region: Alert['region']; category: string },
  out: Signal[],
): void {
  for (const rule of rules) {
    if (rule.source !== source || !rule.test.test(facts)) continue;
    const code =
      rule.region === 'township' ? (event.region.township ?? event.region.county) : event.region.county;
    const subject = rule.perCategory ? `${code}|${event.category}` : code;
    const region =
      rule.region === 'township' ? { county: event.region.county, township: code } : { county: code };
    const cell = cellOf(state, rule, subject, region);
    const bucket = Math.floor(event.atMs / rule.bucketMs);
    if (!add(cell, bucket, event.eventId)) continue;
    const wasHot = cell.hot;
    const signal = judge(cell, cell.latest);
    if (signal.active || wasHot) out.push(signal);
  }
}

/** Tick: re-judge keys with an alert or pending condition, and forget keys whose window is empty. */
export function windowOnTick(state: WindowState, now: number, out: Signal[]): void {
  for (const [key, cell] of state) {
    const bucket = Math.floor(now / cell.rule.bucketMs);
    if (cell.hot) out.push(judge(cell, Math.max(bucket, cell.latest)));
    else if (cell.latest <= bucket - cell.counts.length) state.delete(key);
  }
}
