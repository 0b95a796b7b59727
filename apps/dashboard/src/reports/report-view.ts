import {
  REGION_CODE_PATTERN,
  REPORT_CADENCE,
  REPORT_LEVELS,
  REPORT_PERIOD_KINDS,
  regionMatchesLevel,
  type ReportLevel,
  type ReportPeriodKind,
  type ReportMetadata,
  type ReportRequest,
  type ReportRequestStatus,
} from '@fengqiao/contracts';
import { cityDateOf } from '@fengqiao/domain';
import { REGION_LEVELS, type CascadeLevel, type RegionDraft } from '../common/region-cascade';
import { cityCode } from '../geo/city-districts';

/** The reports list's filters, held in the URL so a link reproduces the list. */
export interface ReportFilters {
  readonly level: ReportLevel | '';
  readonly periodKind: ReportPeriodKind | '';
  /** '' = everything the caller may see, else a region and everything inside it. */
  readonly region: string;
}

export const NO_FILTERS: ReportFilters = { level: '', periodKind: '', region: '' };

const REGION = REGION_CODE_PATTERN;

export function parseFilters(search: string): ReportFilters {
  const q = new URLSearchParams(search);
  const region = q.get('region') ?? '';
  return {
    level: REPORT_LEVELS.find((l) => l === q.get('level')) ?? '',
    periodKind: REPORT_PERIOD_KINDS.find((k) => k === q.get('period')) ?? '',
    region: REGION.test(region) ? region : '',
  };
}

/** The page's query string for some filters (keeps `lang`, leaves empty filters out). */
export function filtersToSearch(f: ReportFilters, lang?: string): string {
  const q = new URLSearchParams();
  if (f.level !== '') q.set('level', f.level);
  if (f.periodKind !== '') q.set('period', f.periodKind);
  if (f.region !== '') q.set('region', f.region);
  if (lang !== undefined) q.set('lang', lang);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/** Reports per page of the list; "more" loads the next page after the last row shown. */
export const PAGE_SIZE = 50;

/** The API list query of the filters: a region filter covers the regions inside it too. */
export function listParams(f: ReportFilters, cursor?: string): Record<string, string | undefined> {
  return {
    level: f.level === '' ? undefined : f.level,
    periodKind: f.periodKind === '' ? undefined : f.periodKind,
    region: f.region === '' ? undefined : f.region,
    within: f.region === '' ? undefined : 'true',
    limit: String(PAGE_SIZE),
    cursor,
  };
}

/**
 * The rows shown: the polled first page, then the pages loaded with "more" (a report that moved
 * onto the first page since is shown once, where the first page has it).
 */
export function shownReports(
  first: readonly ReportMetadata[],
  more: readonly ReportMetadata[],
): ReportMetadata[] {
  const seen = new Set(first.map((r) => r.id));
  return [...first, ...more.filter((r) => !seen.has(r.id))];
}

/** Queued or running: the page keeps polling while any request is. */
export const isPending = (r: Pick<ReportRequestStatus, 'state'>): boolean =>
  r.state === 'queued' || r.state === 'running';

/** How many of the caller's requests are listed beside the form. */
const KEEP_REQUESTS = 10;

/**
 * Newer states over older ones, newest request first; `becameReady` when a request seen pending
 * before is now ready (its report is in the list: reload it).
 */
export function mergeRequests(
  old: readonly ReportRequestStatus[],
  fresh: readonly ReportRequestStatus[],
): { items: ReportRequestStatus[]; becameReady: boolean } {
  const byId = new Map(old.map((r) => [r.id, r]));
  let becameReady = false;
  for (const r of fresh) {
    const before = byId.get(r.id);
    if (before !== undefined && isPending(before) && r.state === 'ready') becameReady = true;
    byId.set(r.id, r);
  }
  const items = [...byId.values()]
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.id.localeCompare(a.id))
    .slice(0, KEEP_REQUESTS);
  return { items, becameReady };
}

/** The on-demand form as filled in; `periodKind` '' means the level's own cadence. */
export interface ReportDraft {
  readonly level: ReportLevel;
  /** Picked through the address cascade down to the level (the city level needs none). */
  readonly region: RegionDraft;
  readonly periodKind: ReportPeriodKind | '';
  readonly date: string;
}

export type DraftProblem = 'region-missing' | 'region-format' | 'region-level' | 'date';

/** The cascade levels a report level is picked through: none for the city, down to the grid cell. */
export function cascadeLevelsOf(level: ReportLevel): readonly CascadeLevel[] {
  return level === 'city' ? [] : REGION_LEVELS.slice(0, REGION_LEVELS.indexOf(level) + 1);
}

/** The region a draft asks for: the city's code (511900) for the city, else the code picked at the level ('' if none). */
export const draftRegion = (d: Pick<ReportDraft, 'level' | 'region'>): string =>
  d.level === 'city' ? cityCode() : d.region[d.level];

/** A valid request, or which field is wrong (the form shows the message next to it). */
export function checkDraft(
  d: ReportDraft,
): { ok: true; request: ReportRequest } | { ok: false; field: 'region' | 'date'; problem: DraftProblem } {
  const region = draftRegion(d);
  if (region === '') return { ok: false, field: 'region', problem: 'region-missing' };
  if (!REGION.test(region)) return { ok: false, field: 'region', problem: 'region-format' };
  if (!regionMatchesLevel(d.level, region)) return { ok: false, field: 'region', problem: 'region-level' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date) || Number.isNaN(Date.parse(d.date)))
    return { ok: false, field: 'date', problem: 'date' };
  const request: ReportRequest = {
    level: d.level,
    region,
    date: d.date,
    ...(d.periodKind === '' || d.periodKind === REPORT_CADENCE[d.level] ? {} : { periodKind: d.periodKind }),
  };
  return { ok: true, request };
}

/** Today's date in Asia/Shanghai (the reports' calendar), `YYYY-MM-DD`. */
export function shanghaiDate(nowMs: number): string {
  return cityDateOf(nowMs);
}

/** 12.3 KB / 1.4 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** `85%`, or a dash when nothing was closed. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** The file name a download is saved under: level, region and period, never a person. */
export function reportFileName(r: { level: string; region: string; period: { label: string } }, ext: string) {
  return `report-${r.level}-${r.region}-${r.period.label}.${ext}`;
}
