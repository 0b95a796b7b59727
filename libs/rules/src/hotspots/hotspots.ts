import {
  type CaseEvent,
  type Hotspot,
  type HotspotContribution,
  type HotspotPolicy,
} from '@fengqiao/contracts';
import { type Baseline } from '../baseline/baseline';
import { type CameraDirectory } from '../directory/camera-directory';
import { HOUR_MS, hourOfWeek, isoOf } from '@fengqiao/domain';

/** This hour's weighted activity of one region cell (township, county, or grid cell when known). */
export interface HotspotCell {
  readonly level: Hotspot['level'];
  hour: number;
  cases: number;
  analytics: number;
}

export type HotspotState = Map<string, HotspotCell>;

function bump(
  state: HotspotState,
  code: string,
  level: Hotspot['level'],
  hour: number,
  field: 'cases' | 'analytics',
  w: number,
): void {
  let cell = state.get(code);
  if (cell === undefined) state.set(code, (cell = { level, hour, cases: 0, analytics: 0 }));
  if (hour < cell.hour) return;
  if (hour > cell.hour) Object.assign(cell, { hour, cases: 0, analytics: 0 });
  cell[field] += w;
}

type Where = { county: string; township?: string; grid?: string };

function bumpAll(state: HotspotState, r: Where, hour: number, field: 'cases' | 'analytics', w: number): void {
  bump(state, r.county, 'county', hour, field, w);
  if (r.township !== undefined) bump(state, r.township, 'township', hour, field, w);
  if (r.grid !== undefined) bump(state, r.grid, 'grid', hour, field, w);
}

/** A reported case weighs by its category, more when it carries a risk flag. */
export function hotspotOnCase(state: HotspotState, policy: HotspotPolicy, e: CaseEvent, atMs: number): void {
  if (e.type !== 'reported') return;
  const f = e.riskFlags;
  const risky = f.violenceRisk || f.extremeWords || f.groupPetition || f.repeatVisits > 0;
  const w = (policy.categoryWeights[e.category] ?? 1) * (1 + (risky ? policy.riskFlagWeight : 0));
  bumpAll(state, e.region, Math.floor(atMs / HOUR_MS), 'cases', w);
}

/** A detection weighs by the analytics' confidence. */
export function hotspotOnAnalytics(
  state: HotspotState,
  where: Where,
  confidence: number,
  atMs: number,
): void {
  bumpAll(state, where, Math.floor(atMs / HOUR_MS), 'analytics', confidence);
}

export interface HotspotInputs {
  readonly policy: HotspotPolicy;
  readonly baseline: Baseline;
  readonly directory: CameraDirectory;
  readonly offlineIn: ReadonlyMap<string, number>;
  readonly offsetMs: number;
}

/**
 * Ranks the region cells of one level for the current hour. Each factor counts only above its
 * baseline (z > 0), so a busy-as-usual place scores 0; blindness counts only where something is
 * happening, since a dark camera in a quiet valley is a maintenance matter, not a hotspot.
 */
export function rankHotspots(
  state: HotspotState,
  inp: HotspotInputs,
  now: number,
  level: Hotspot['level'],
  topN: number,
): Hotspot[] {
  const hour = Math.floor(now / HOUR_MS);
  const how = hourOfWeek(hour * HOUR_MS, inp.offsetMs);
  const scored: Omit<Hotspot, 'rank'>[] = [];
  for (const [code, cell] of state) {
    if (cell.level !== level || cell.hour !== hour) continue;
    const factors = [
      factor(inp, code, how, 'cases', cell.cases, inp.policy.caseWeight),
      factor(inp, code, how, 'analytics', cell.analytics, inp.policy.analyticsWeight),
      blindness(inp, code, cell),
    ].sort((a, b) => b.contribution - a.contribution);
    const score = round(factors.reduce((s, f) => s + f.contribution, 0));
    if (score > 0) scored.push({ region: code, level, bucketStart: isoOf(hour * HOUR_MS), score, factors });
  }
  scored.sort((a, b) => b.score - a.score || (a.region < b.region ? -1 : 1));
  return scored.slice(0, topN).map((h, i) => ({ ...h, rank: i + 1 }));
}

function factor(
  inp: HotspotInputs,
  code: string,
  how: number,
  metric: 'cases' | 'analytics',
  value: number,
  weight: number,
): HotspotContribution {
  const stat = inp.baseline.stat(code, metric, how);
  const expected = stat?.mean ?? 0;
  const z = (value - expected) / Math.max(stat?.std ?? 0, inp.policy.minStd);
  return {
    factor: metric,
    value: round(value),
    expected: round(expected),
    z: round(z),
    contribution: round(weight * Math.max(0, z)),
  };
}

function blindness(inp: HotspotInputs, code: string, cell: HotspotCell): HotspotContribution {
  const total = inp.directory.countIn(code);
  const share = total === 0 ? 0 : (inp.offlineIn.get(code) ?? 0) / total;
  const active = cell.cases + cell.analytics > 0;
  // Scaled so that a fully dark active area weighs like a 10-sigma excess of activity.
  const contribution = active ? inp.policy.blindnessWeight * share * 10 : 0;
  return {
    factor: 'blindness',
    value: round(share),
    expected: 0,
    z: round(share * 10),
    contribution: round(contribution),
  };
}

const round = (v: number): number => Math.round(v * 1000) / 1000;
