import { ALERT_COLOURS } from '@fengqiao/contracts';
import { categoryLabel, COLOUR_LABELS } from '../labels';
import { changePercent, type Range, within } from './case-figures';
import { type AlertFact, type CameraCount, type CaseFact } from './report-input';
import { type AlertRow, type CameraHealth, type HotspotRow } from './report-model';

const MINUTE_MS = 60_000;
export const HOTSPOTS_LISTED = 5;

interface SubRegionTally {
  casesIn: number;
  previous: number;
  riskFlagged: number;
  categories: Map<string, number>;
}

function tally(cases: readonly CaseFact[], period: Range, previous: Range): Map<string, SubRegionTally> {
  const out = new Map<string, SubRegionTally>();
  for (const c of cases) {
    if (c.subRegion === null) continue;
    const t = out.get(c.subRegion) ?? { casesIn: 0, previous: 0, riskFlagged: 0, categories: new Map() };
    out.set(c.subRegion, t);
    if (within(c.reportedAt, previous)) t.previous++;
    if (!within(c.reportedAt, period)) continue;
    t.casesIn++;
    if (c.riskFlagged) t.riskFlagged++;
    t.categories.set(c.category, (t.categories.get(c.category) ?? 0) + 1);
  }
  return out;
}

function topOf(counts: Map<string, number>): string | null {
  let best: [string, number] | null = null;
  for (const e of counts) if (best === null || e[1] > best[1]) best = e;
  return best === null ? null : best[0];
}

function factorsOf(h: Omit<HotspotRow, 'factors'>): string[] {
  const growth = changePercent(h.casesIn, h.previous);
  const out = [`案件 ${h.casesIn} 件${growth === null ? '' : `（环比 ${growth > 0 ? '+' : ''}${growth}%）`}`];
  if (h.topCategory !== null) out.push(`主要类别：${categoryLabel(h.topCategory)}`);
  if (h.riskFlagged > 0) out.push(`风险标记 ${h.riskFlagged} 件`);
  if (h.offlineCameras > 0) out.push(`离线摄像头 ${h.offlineCameras}/${h.cameras}`);
  if (h.analytics !== null && h.analytics > 0) out.push(`视频分析事件 ${h.analytics} 次`);
  return out;
}

/** The sub-regions with the most cases, and what stands out about each. */
export function hotspots(
  cases: readonly CaseFact[],
  ranges: { period: Range; previous: Range },
  cameras: readonly CameraCount[],
  analytics: Readonly<Record<string, number>>,
  nameOf: (region: string | null) => string,
): HotspotRow[] {
  const camerasOf = new Map(cameras.map((c) => [c.region, c]));
  return [...tally(cases, ranges.period, ranges.previous)]
    .filter(([, t]) => t.casesIn > 0)
    .sort(
      (a, b) =>
        b[1].casesIn - a[1].casesIn || b[1].riskFlagged - a[1].riskFlagged || a[0].localeCompare(b[0]),
    )
    .slice(0, HOTSPOTS_LISTED)
    .map(([region, t]) => {
      const cam = camerasOf.get(region);
      const row = {
        region,
        name: nameOf(region),
        casesIn: t.casesIn,
        previous: t.previous,
        topCategory: topOf(t.categories),
        riskFlagged: t.riskFlagged,
        offlineCameras: cam?.offline ?? 0,
        cameras: cam?.total ?? 0,
        analytics: analytics[region] ?? null,
      };
      return { ...row, factors: factorsOf(row) };
    });
}

const meanMinutes = (spans: number[]): number | null =>
  spans.length === 0
    ? null
    : Math.round((spans.reduce((s, v) => s + v, 0) / spans.length / MINUTE_MS) * 10) / 10;

/** Alerts raised in the period by colour, with mean time to acknowledge (MTTA) and to resolve (MTTR). */
export function alertRows(alerts: readonly AlertFact[]): AlertRow[] {
  return ALERT_COLOURS.map((colour) => {
    const of = alerts.filter((a) => a.colour === colour);
    const acked = of.flatMap((a) => (a.acknowledgedAt === null ? [] : [a.acknowledgedAt - a.raisedAt]));
    const resolved = of.flatMap((a) => (a.resolvedAt === null ? [] : [a.resolvedAt - a.raisedAt]));
    return {
      colour,
      label: COLOUR_LABELS[colour],
      raised: of.length,
      acknowledged: acked.length,
      resolved: resolved.length,
      mttaMinutes: meanMinutes(acked),
      mttrMinutes: meanMinutes(resolved),
    };
  });
}

export function cameraHealth(
  cameras: readonly CameraCount[],
  nameOf: (r: string | null) => string,
): CameraHealth {
  const total = cameras.reduce((s, c) => s + c.total, 0);
  const offline = cameras.reduce((s, c) => s + c.offline, 0);
  const worst = cameras
    .filter((c) => c.offline > 0)
    .sort((a, b) => b.offline - a.offline || a.region.localeCompare(b.region))
    .slice(0, HOTSPOTS_LISTED)
    .map((c) => ({ region: c.region, name: nameOf(c.region), total: c.total, offline: c.offline }));
  return {
    total,
    online: total - offline,
    offline,
    onlineRate: total === 0 ? null : (total - offline) / total,
    worst,
  };
}
