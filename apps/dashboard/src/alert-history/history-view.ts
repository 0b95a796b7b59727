import {
  ALERT_COLOURS,
  ALERT_STATES,
  type AlertColour,
  type AlertState,
  type RouteInput,
} from '@fengqiao/contracts';

/** The history screen's filters, kept in the URL (a filtered view can be shared and reloaded). */
export interface HistoryView {
  readonly days: number;
  readonly colour: AlertColour | '';
  readonly state: AlertState | '';
  /** A county or township code, '' = every region the caller sees. */
  readonly region: string;
  readonly ruleId: string;
}

export const HISTORY_DAYS = [1, 7, 30, 90] as const;
const DAY_MS = 86_400_000;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | '' =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : '';

export function parseHistoryView(search: string): HistoryView {
  const p = new URLSearchParams(search);
  const days = Number(p.get('days'));
  const region = p.get('region') ?? '';
  const ruleId = p.get('rule') ?? '';
  return {
    days: (HISTORY_DAYS as readonly number[]).includes(days) ? days : 7,
    colour: oneOf(ALERT_COLOURS, p.get('level')),
    state: oneOf(ALERT_STATES, p.get('state')),
    region: /^\d{6}(\d{3})?$/.test(region) ? region : '',
    ruleId: /^[a-z0-9][a-z0-9-]{0,79}$/.test(ruleId) ? ruleId : '',
  };
}

/** The view as a query string (defaults left out), `lang` kept. */
export function historySearch(v: HistoryView, lang?: 'en'): string {
  const p = new URLSearchParams();
  if (v.days !== 7) p.set('days', String(v.days));
  if (v.colour !== '') p.set('level', v.colour);
  if (v.state !== '') p.set('state', v.state);
  if (v.region !== '') p.set('region', v.region);
  if (v.ruleId !== '') p.set('rule', v.ruleId);
  if (lang !== undefined) p.set('lang', lang);
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}

/** The period a view covers, ending now (to the minute, so reloads within it share a cache key). */
export function periodOf(v: HistoryView, nowMs: number): { from: string; to: string } {
  const to = Math.ceil(nowMs / 60_000) * 60_000;
  return { from: new Date(to - v.days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

type QualityQuery = RouteInput<'alerts.quality'>['query'];
type ListQuery = RouteInput<'alerts.list'>['query'];

/** `alerts.quality`'s query: the filters without the state (the figures cover every state). */
export function qualityQuery(v: HistoryView, nowMs: number): QualityQuery {
  return {
    ...periodOf(v, nowMs),
    ...(v.colour === '' ? {} : { colour: v.colour }),
    ...(v.region === '' ? {} : { region: v.region }),
    ...(v.ruleId === '' ? {} : { ruleId: v.ruleId }),
  };
}

/** `alerts.list`'s query for one page of 20. */
export function listQuery(v: HistoryView, nowMs: number, cursor?: string): ListQuery {
  return {
    ...qualityQuery(v, nowMs),
    ...(v.state === '' ? {} : { state: v.state }),
    ...(cursor === undefined ? {} : { cursor }),
    limit: 20,
  };
}

/** A duration as a person reads it: two units at most (3小时5分, 2m 5s); '—' when there is none. */
export function formatDuration(ms: number | null, u: { s: string; m: string; h: string; d: string }): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  const parts: [number, string][] = [
    [Math.floor(s / 86_400), u.d],
    [Math.floor(s / 3600) % 24, u.h],
    [Math.floor(s / 60) % 60, u.m],
    [s % 60, u.s],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return `0${u.s}`;
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join('');
}

/** A share as a percentage with one decimal; '—' when there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
