import { REGION_CODE_PATTERN, isCityRegionCode } from '@fengqiao/contracts';
import { cityCode } from '../geo/city-districts';

/**
 * A pick through the address cascade (county → township → village/community → grid cell): each
 * level's code, '' until chosen. Shared by the intake form's location and the reports form.
 */
export interface RegionDraft {
  readonly county: string;
  readonly township: string;
  readonly village: string;
  readonly grid: string;
}

export type CascadeLevel = keyof RegionDraft;

/** The address levels top to bottom, as the cascading pickers show them. */
export const REGION_LEVELS: readonly CascadeLevel[] = ['county', 'township', 'village', 'grid'];
export const EMPTY_REGION: RegionDraft = { county: '', township: '', village: '', grid: '' };

/** The draft with `level` set and every level below it cleared (a village of another township is none). */
export function chooseRegion(region: RegionDraft, level: CascadeLevel, code: string): RegionDraft {
  const below = REGION_LEVELS.slice(REGION_LEVELS.indexOf(level) + 1);
  return { ...region, ...Object.fromEntries(below.map((l) => [l, ''])), [level]: code };
}

/** A level can be chosen once the level above it is (the county always). */
export function levelEnabled(region: RegionDraft, level: CascadeLevel): boolean {
  const above = REGION_LEVELS[REGION_LEVELS.indexOf(level) - 1];
  return above === undefined || region[above] !== '';
}

/** The code of the lowest level chosen ('' when none): what a filter picked through the cascade means. */
export function deepestCode(region: RegionDraft): string {
  const level = [...REGION_LEVELS].reverse().find((l) => region[l] !== '');
  return level === undefined ? '' : region[level];
}

/** Code lengths of the levels: each code starts with its parent's (GB/T 2260 + 3 digits a level). */
const DIGITS: Readonly<Record<CascadeLevel, number>> = { county: 6, township: 9, village: 12, grid: 15 };

/**
 * The draft a region code stands for, its ancestors read off its prefixes (a session's home
 * region preselects the pickers); the city code and anything malformed give the empty draft.
 */
export function regionDraftOf(code: string): RegionDraft {
  const ours = code.startsWith(cityCode().slice(0, 4));
  if (!REGION_CODE_PATTERN.test(code) || isCityRegionCode(code) || !ours) return EMPTY_REGION;
  const at = (l: CascadeLevel): string => (code.length >= DIGITS[l] ? code.slice(0, DIGITS[l]) : '');
  return { county: at('county'), township: at('township'), village: at('village'), grid: at('grid') };
}
