import {
  CASE_STATES,
  SERVICE_TIERS,
  type CaseClock,
  type CaseState,
  type ClockStatus,
  type ServiceTier,
} from '@fengqiao/contracts';
import { CITY_TIME_ZONE } from '@fengqiao/domain';

/** The cases list's filters, in the URL (never personal data: the API's text search excludes it). */
export interface CaseFilters {
  /** '' = the caller's whole scope, else a county or township code. */
  readonly region: string;
  readonly tiers: readonly ServiceTier[];
  readonly states: readonly CaseState[];
  /** Only cases whose clock is at risk and/or breached. */
  readonly clocks: readonly ('at-risk' | 'breached')[];
  readonly selected: string;
}

export const NO_CASE_FILTERS: CaseFilters = { region: '', tiers: [], states: [], clocks: [], selected: '' };

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  const parts = (raw ?? '').split(',');
  return allowed.filter((a) => parts.includes(a));
}

export function parseCaseFilters(search: string): CaseFilters {
  const q = new URLSearchParams(search);
  const region = q.get('region') ?? '';
  const selected = q.get('case') ?? '';
  return {
    region: /^[1-8]\d{3}(\d{2}|\d{5})$/.test(region) ? region : '',
    tiers: listOf(q.get('tier'), SERVICE_TIERS),
    states: listOf(q.get('state'), CASE_STATES),
    clocks: listOf(q.get('clock'), ['at-risk', 'breached'] as const),
    selected: /^C\d{6}-\d{8}-\d{5}$/.test(selected) ? selected : '',
  };
}

export function caseFiltersToSearch(f: CaseFilters, lang?: string): string {
  const q = new URLSearchParams();
  if (f.region !== '') q.set('region', f.region);
  if (f.tiers.length > 0) q.set('tier', f.tiers.join(','));
  if (f.states.length > 0) q.set('state', f.states.join(','));
  if (f.clocks.length > 0) q.set('clock', f.clocks.join(','));
  if (f.selected !== '') q.set('case', f.selected);
  if (lang !== undefined) q.set('lang', lang);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/** The API list query of the filters (the selected case is the page's, not the API's). */
export function caseListParams(f: CaseFilters): Record<string, string | undefined> {
  const csv = (xs: readonly string[]): string | undefined => (xs.length === 0 ? undefined : xs.join(','));
  return {
    region: f.region === '' ? undefined : f.region,
    tier: csv(f.tiers),
    state: csv(f.states),
    clock: csv(f.clocks),
    limit: '100',
  };
}

/** Adds or removes one value of a multi-valued filter. */
export function toggle<T>(xs: readonly T[], x: T): T[] {
  return xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];
}

/**
 * Time left on a clock now, counted from the server's figure at the moment of the answer, so a
 * client clock that is off does not shift the countdown; null without a deadline.
 */
export function timeLeftNow(clock: CaseClock, fetchedAt: number, now: number): number | null {
  return clock.timeLeftMs === null ? null : clock.timeLeftMs - (now - fetchedAt);
}

/** The status to show now: an open clock that ran out while the page was open shows as breached. */
export function statusNow(clock: CaseClock, left: number | null): ClockStatus {
  if (left !== null && left < 0 && (clock.status === 'on-track' || clock.status === 'at-risk'))
    return 'breached';
  return clock.status;
}

/** `2天3小时` / `3:07:12` / `45秒`: days when far, a running clock when close. */
export function formatDuration(ms: number, lang: 'zh' | 'en'): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return lang === 'en' ? `${d}d ${h}h` : `${d}天${h}小时`;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${h}:${pad(m)}:${pad(sec)}`;
}

/** An instant as the center reads it: Beijing time, in the page's language. */
export function formatInstant(iso: string, lang: 'zh' | 'en'): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: CITY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
