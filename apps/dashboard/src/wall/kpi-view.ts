import { type KpiSnapshot, type KpiTile } from '@fengqiao/contracts';

/**
 * Merges two KPI snapshots tile by tile: the newer `asOf` wins, so a REST answer that raced a live
 * update never puts an older figure back. Snapshots of another scope replace everything.
 */
export function mergeKpis(prev: KpiSnapshot | undefined, next: KpiSnapshot): KpiSnapshot {
  if (prev === undefined || prev.scope.region !== next.scope.region) return next;
  const newer = <K extends KpiTile>(k: K): KpiSnapshot[K] =>
    Date.parse(next[k].asOf) >= Date.parse(prev[k].asOf) ? next[k] : prev[k];
  return {
    ...next,
    casesToday: newer('casesToday'),
    routedWithinOneWorkingDay: newer('routedWithinOneWorkingDay'),
    onTimeByTier: newer('onTimeByTier'),
    resolutionRate: newer('resolutionRate'),
    averageCycleHours: newer('averageCycleHours'),
    disputesYearOnYear: newer('disputesYearOnYear'),
    satisfaction: newer('satisfaction'),
    camerasOnline: newer('camerasOnline'),
    openAlerts: newer('openAlerts'),
  };
}

/**
 * How old a tile's figure may be before the tile says "stale". The API recomputes the fast tiles
 * every few seconds and the window figures less often; past these ages the source has stopped.
 */
export const STALE_AFTER_MS: Readonly<Record<KpiTile, number>> = {
  casesToday: 120_000,
  openAlerts: 120_000,
  camerasOnline: 120_000,
  routedWithinOneWorkingDay: 900_000,
  onTimeByTier: 900_000,
  resolutionRate: 900_000,
  averageCycleHours: 900_000,
  satisfaction: 900_000,
  disputesYearOnYear: 3_600_000,
};

export function tileAge(
  snapshot: KpiSnapshot,
  tile: KpiTile,
  nowMs: number,
): { ageMs: number; stale: boolean } {
  const ageMs = Math.max(0, nowMs - Date.parse(snapshot[tile].asOf));
  return { ageMs, stale: ageMs > STALE_AFTER_MS[tile] };
}

/** 0.9567 → "95.7%"; null (nothing to rate yet) → "—". */
export const percent = (share: number | null): string =>
  share === null ? '—' : `${(share * 100).toFixed(1)}%`;

/** Hours → "36.5 h" below two days, "3.2 d" above (zh: 小时 / 天). */
export function cycleTime(hours: number | null, lang: 'zh' | 'en'): string {
  if (hours === null) return '—';
  const [n, unit] =
    hours < 48 ? [hours, lang === 'en' ? 'h' : '小时'] : [hours / 24, lang === 'en' ? 'd' : '天'];
  return `${n.toFixed(1)}${lang === 'en' ? ' ' : ''}${unit}`;
}

/**
 * The cycle tile's second line: the joint-mediation cycle and its change on a year earlier
 * ("联调 10.0天 −66.7%"); undefined while no jointly mediated case was resolved in the window.
 */
export function jointCycleHint(
  joint: { days: number | null; changePercent: number | null },
  label: string,
  lang: 'zh' | 'en',
): string | undefined {
  if (joint.days === null) return undefined;
  const change = joint.changePercent === null ? '' : ` ${signedPercent(joint.changePercent)}`;
  return `${label} ${cycleTime(joint.days * 24, lang)}${change}`;
}

export const signedPercent = (p: number | null): string =>
  p === null ? '—' : `${p > 0 ? '+' : ''}${p.toFixed(1)}%`;

/** All tiers together: cases on time ÷ cases due (not the mean of the tier rates). */
export function overallOnTime(rows: readonly { onTime: number; due: number }[]): number | null {
  const due = rows.reduce((s, r) => s + r.due, 0);
  return due === 0 ? null : rows.reduce((s, r) => s + r.onTime, 0) / due;
}
