import { type ViewBucket } from '../charts/builders/trend-series';

/** Everything the analysis view shows is in the URL, so a link reproduces it exactly. */
export interface AnalysisView {
  /** '' = the whole city, else a 6-digit county or 9-digit township code. */
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
    region: /^5119(\d{2}|\d{5})$/.test(region) ? region : '',
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

/** The API query of a view at `nowMs`; months are folded from days on this side. */
export function apiParams(view: AnalysisView, nowMs: number): Record<string, string | undefined> {
  return {
    from: new Date(nowMs - view.days * 86_400_000).toISOString(),
    to: new Date(nowMs).toISOString(),
    county:
      view.region.length === 6 ? view.region : view.region.length === 9 ? view.region.slice(0, 6) : undefined,
    township: view.region.length === 9 ? view.region : undefined,
    category: view.category === '' ? undefined : view.category,
  };
}

export const apiBucket = (b: ViewBucket): 'hour' | 'day' | 'week' => (b === 'month' ? 'day' : b);

/** City → county → township: one level down on a click; a township is the bottom here. */
export function drillDown(view: AnalysisView, region: string): AnalysisView {
  if (view.region.length === 9 || !region.startsWith(view.region)) return view;
  return { ...view, region };
}

/** Township → county → city. */
export function drillUp(view: AnalysisView): AnalysisView {
  return { ...view, region: view.region.length === 9 ? view.region.slice(0, 6) : '' };
}
