import { type ViewBucket } from '../charts/builders/trend-series';

/** Everything the analysis view shows is in the URL, so a link reproduces it exactly. */
export interface AnalysisView {
  /** '' = the whole city, else a 6-digit county, 9-digit township or 15-digit grid cell code. */
  readonly region: string;
  readonly category: string;
  readonly bucket: ViewBucket;
  /** The range: the last `days` days up to now. */
  readonly days: number;
}

export const RANGE_DAYS = [1, 7, 30, 90, 365] as const;
const BUCKETS: readonly ViewBucket[] = ['hour', 'day', 'week', 'month'];
/** The API's longest hourly range; longer hourly views fall back to days. */
const MAX_HOURLY_DAYS = 92;

export const DEFAULT_VIEW: AnalysisView = { region: '', category: '', bucket: 'day', days: 30 };

export function parseView(search: string): AnalysisView {
  const q = new URLSearchParams(search);
  const region = q.get('region') ?? '';
  const category = q.get('category') ?? '';
  const bucket = BUCKETS.find((b) => b === q.get('bucket')) ?? DEFAULT_VIEW.bucket;
  const days = RANGE_DAYS.find((d) => String(d) === q.get('days')) ?? DEFAULT_VIEW.days;
  return {
    region: /^[1-8]\d{3}(\d{2}|\d{5}|\d{11})$/.test(region) ? region : '',
    category: /^[a-z0-9-]{1,60}$/.test(category) ? category : '',
    bucket: bucket === 'hour' && days > MAX_HOURLY_DAYS ? 'day' : bucket,
    days,
  };
}

/** The query string of a view, leaving defaults out so links stay short (keeps `lang`). */
export function viewToSearch(view: AnalysisView, lang?: string): string {
  const q = new URLSearchParams();
  if (view.region !== '') q.set('region', view.region);
  if (view.category !== '') q.set('category', view.category);
  if (view.bucket !== DEFAULT_VIEW.bucket) q.set('bucket', view.bucket);
  if (view.days !== DEFAULT_VIEW.days) q.set('days', String(view.days));
  if (lang !== undefined) q.set('lang', lang);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

export type RegionLevel = 'city' | 'county' | 'township' | 'grid';

const LEVEL_BY_LENGTH: Record<number, RegionLevel> = { 0: 'city', 6: 'county', 9: 'township', 15: 'grid' };
/** The code length one level below each level; a grid cell is the bottom. */
const CHILD_LENGTH: Record<RegionLevel, number | null> = { city: 6, county: 9, township: 15, grid: null };
const PARENT_LENGTH: Record<RegionLevel, number> = { city: 0, county: 0, township: 6, grid: 9 };

export const levelOf = (region: string): RegionLevel => LEVEL_BY_LENGTH[region.length] ?? 'city';

/** The regions from the city down to this one, for the breadcrumb: '', county, township, cell. */
export function ancestry(region: string): string[] {
  return [0, 6, 9, 15].filter((n) => n <= region.length).map((n) => region.slice(0, n));
}

/** The trend API query of a view at `nowMs`; months are folded from days on this side. */
export function apiParams(view: AnalysisView, nowMs: number): Record<string, string | undefined> {
  const r = view.region;
  return {
    from: new Date(nowMs - view.days * 86_400_000).toISOString(),
    to: new Date(nowMs).toISOString(),
    county: r.length >= 6 ? r.slice(0, 6) : undefined,
    township: r.length >= 9 ? r.slice(0, 9) : undefined,
    grid: r.length === 15 ? r : undefined,
    category: view.category === '' ? undefined : view.category,
  };
}

/**
 * The breakdown ranks the regions one level below the view: a township's grid cells (read from raw
 * events by the API), while its series and year on year stay on the township rollups.
 */
export function breakdownParams(view: AnalysisView, nowMs: number): Record<string, string | undefined> {
  return { ...apiParams(view, nowMs), level: levelOf(view.region) === 'township' ? 'grid' : undefined };
}

/** The region other API families (KPIs, camera health) know: a grid cell's township stands for it. */
export const panelRegion = (view: AnalysisView): string | undefined =>
  view.region === '' ? undefined : view.region.slice(0, 9);

export const apiBucket = (b: ViewBucket): 'hour' | 'day' | 'week' => (b === 'month' ? 'day' : b);

/** City → county → township → grid cell: one level down on a click, into a region of this one. */
export function drillDown(view: AnalysisView, region: string): AnalysisView {
  const child = CHILD_LENGTH[levelOf(view.region)];
  if (child === null || region.length !== child || !region.startsWith(view.region)) return view;
  return { ...view, region };
}

/** Grid cell → township → county → city. */
export function drillUp(view: AnalysisView): AnalysisView {
  return { ...view, region: view.region.slice(0, PARENT_LENGTH[levelOf(view.region)]) };
}
