import { type ServiceTier } from '@fengqiao/contracts';
import { DAY_MS } from './rhythm';

// The demo's calibration to the seed's figures (domain.md: disputes −17.8 % year on year, the
// joint-mediation cycle −65 %, routing within one working day, the tier promises kept). These are
// the demo's assumptions, not measurements; the demo-calibration int spec holds the tiles to them.

const YEAR_MS = 365 * DAY_MS;
/**
 * The trends are anchored to a fixed instant, not to "now": a case of a given second must be the
 * same case on every run (the history's idempotency and the live simulator's ids depend on it).
 */
export const TREND_ANCHOR_MS = Date.parse('2026-12-01T00:00:00+08:00');
/** New disputes change by this share a year (domain: −17.8 % year on year). */
export const YEARLY_DISPUTE_CHANGE = -0.178;
/** The joint-mediation cycle changes by this share a year (domain: −65 %). */
export const YEARLY_JOINT_CYCLE_CHANGE = -0.65;

const trend = (yearlyChange: number, ms: number): number =>
  (1 + yearlyChange) ** ((ms - TREND_ANCHOR_MS) / YEAR_MS);

/** Intake volume at `ms` relative to the anchor (≈ 1.217 a year earlier). */
export const disputeVolumeAt = (ms: number): number => trend(YEARLY_DISPUTE_CHANGE, ms);

/** Length of a joint mediation reported at `ms` relative to the anchor (≈ 2.86 a year earlier). */
export const jointCycleFactorAt = (ms: number): number => trend(YEARLY_JOINT_CYCLE_CHANGE, ms);

/** Days from report to resolution of a joint mediation at the anchor (mean ≈ 5.5 days). */
export const JOINT_CYCLE_DAYS: readonly [number, number] = [2, 9];

/**
 * Share of cases that miss their promise, by tier (on-time rates in the nineties); the late ones
 * overrun by a fraction of the promise's own length.
 */
export const LATE_SHARE: Readonly<Record<ServiceTier | 'routing', number>> = {
  routing: 0.015,
  consultation: 0.01,
  simple: 0.04,
  general: 0.035,
  complex: 0.05,
  major: 0.03,
};

/** Where in its window an on-time case is resolved (a share of the time until its due instant). */
export const ON_TIME_SHARE: Readonly<Record<Exclude<ServiceTier, 'major'>, readonly [number, number]>> = {
  consultation: [0.001, 0.01],
  simple: [0.05, 0.85],
  general: [0.15, 0.95],
  complex: [0.1, 0.9],
};

/** A major dispute's promise is a leader taking charge within hours; its resolution takes weeks. */
export const MAJOR_RESOLUTION_DAYS: readonly [number, number] = [20, 60];

/** Closing satisfaction 1..5 (domain: satisfaction up): mean ≈ 4.5, nine in ten say 4 or 5. */
export const SATISFACTION_WEIGHTS = [0.01, 0.02, 0.06, 0.3, 0.61];
