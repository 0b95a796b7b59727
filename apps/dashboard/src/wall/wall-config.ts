import { SITE_TYPES } from '@fengqiao/contracts';

/**
 * What one wall shows, read from its URL: a kiosk wall opens one address, so each wall carries its own
 * configuration with no server round trip and no admin screen (decision recorded in the wall's README
 * section). Example:
 * `/wall?rotation=city:180,county.511921:60,video:60,trends:60&split=9&patrolRegion=511921&patrolSite=school&takeover=120`
 */
export type WallView =
  | { readonly kind: 'city' }
  | { readonly kind: 'county'; readonly county: string }
  | { readonly kind: 'video' }
  | { readonly kind: 'trends' };

export interface RotationStep {
  readonly view: WallView;
  readonly seconds: number;
}

export const SPLITS = [1, 4, 9, 16] as const;
export type Split = (typeof SPLITS)[number];

/** Where the video wall patrols: a county or township, and/or one site type (school, station, …). */
export interface PatrolScope {
  readonly county?: string;
  readonly township?: string;
  readonly siteType?: string;
}

export interface WallConfig {
  readonly rotation: readonly RotationStep[];
  readonly split: Split;
  readonly patrol: PatrolScope;
  /** How long a new red alert holds the wall unless acknowledged first; 0 = incident mode off. */
  readonly takeoverMs: number;
}

/** One problem with the URL's configuration; the wall shows it and uses the default for that part. */
export interface WallConfigProblem {
  readonly code: 'WALL_CONFIG_INVALID';
  readonly param: string;
  readonly message: string;
}

/** City overview three minutes, then a minute each of the video wall and the trends. */
export const DEFAULT_ROTATION: readonly RotationStep[] = [
  { view: { kind: 'city' }, seconds: 180 },
  { view: { kind: 'video' }, seconds: 60 },
  { view: { kind: 'trends' }, seconds: 60 },
];
export const DEFAULT_TAKEOVER_S = 120;
const MIN_STEP_S = 5;
const MAX_S = 3600;
// Codes by shape only: which counties exist is the region registry's (the city is configuration).
const COUNTY = /^[1-8]\d{5}$/;
const TOWNSHIP = /^[1-8]\d{8}$/;

const problem = (param: string, message: string): WallConfigProblem => ({
  code: 'WALL_CONFIG_INVALID',
  param,
  message,
});

function parseView(name: string): WallView | undefined {
  if (name === 'city' || name === 'video' || name === 'trends') return { kind: name };
  const county = /^county\.([1-8]\d{5})$/.exec(name)?.[1];
  return county !== undefined && !county.endsWith('00') ? { kind: 'county', county } : undefined;
}

/** `view[:seconds]`, comma-separated; a step without seconds stays a minute. */
function parseRotation(raw: string, problems: WallConfigProblem[]): RotationStep[] {
  const steps: RotationStep[] = [];
  for (const [i, item] of raw.split(',').entries()) {
    const [name = '', secs] = item.trim().split(':');
    const view = parseView(name);
    const seconds = secs === undefined ? 60 : Number(secs);
    if (view === undefined) {
      problems.push(problem(`rotation.${i}`, `unknown view "${name}" (city, county.<code>, video, trends)`));
    } else if (!Number.isInteger(seconds) || seconds < MIN_STEP_S || seconds > MAX_S) {
      problems.push(problem(`rotation.${i}`, `seconds must be ${MIN_STEP_S}..${MAX_S}, got "${secs}"`));
    } else steps.push({ view, seconds });
  }
  return steps;
}

function parseSplit(raw: string | null, problems: WallConfigProblem[]): Split {
  if (raw === null) return 9;
  const split = SPLITS.find((s) => String(s) === raw);
  if (split === undefined) problems.push(problem('split', `split must be one of ${SPLITS.join(', ')}`));
  return split ?? 9;
}

function parsePatrol(q: URLSearchParams, problems: WallConfigProblem[]): PatrolScope {
  const region = q.get('patrolRegion');
  const site = q.get('patrolSite');
  const scope: { county?: string; township?: string; siteType?: string } = {};
  if (region !== null) {
    if (TOWNSHIP.test(region)) scope.township = region;
    else if (COUNTY.test(region) && !region.endsWith('00')) scope.county = region;
    else problems.push(problem('patrolRegion', 'a county (6 digits) or township (9 digits) code'));
  }
  if (site !== null) {
    if ((SITE_TYPES as readonly string[]).includes(site)) scope.siteType = site;
    else problems.push(problem('patrolSite', `one of ${SITE_TYPES.join(', ')}`));
  }
  return scope;
}

function parseTakeover(raw: string | null, problems: WallConfigProblem[]): number {
  if (raw === null) return DEFAULT_TAKEOVER_S * 1000;
  const s = Number(raw);
  if (Number.isInteger(s) && (s === 0 || (s >= MIN_STEP_S && s <= MAX_S))) return s * 1000;
  problems.push(problem('takeover', `seconds 0 (off) or ${MIN_STEP_S}..${MAX_S}`));
  return DEFAULT_TAKEOVER_S * 1000;
}

/** The wall's configuration from its query string; each bad part named and replaced by its default. */
export function parseWallConfig(search: string): {
  config: WallConfig;
  problems: readonly WallConfigProblem[];
} {
  const q = new URLSearchParams(search);
  const problems: WallConfigProblem[] = [];
  const raw = q.get('rotation');
  const steps = raw === null ? [] : parseRotation(raw, problems);
  const config: WallConfig = {
    rotation: steps.length > 0 ? steps : DEFAULT_ROTATION,
    split: parseSplit(q.get('split'), problems),
    patrol: parsePatrol(q, problems),
    takeoverMs: parseTakeover(q.get('takeover'), problems),
  };
  return { config, problems };
}

/** The step after `index`, round the rotation. */
export const nextStepIndex = (index: number, steps: number): number => (steps > 0 ? (index + 1) % steps : 0);

/** A stable name for a view (data attribute, React key). */
export const viewName = (v: WallView): string => (v.kind === 'county' ? `county.${v.county}` : v.kind);
