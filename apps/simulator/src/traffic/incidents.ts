import { type CameraSpec, Prng } from '@fengqiao/geo';
import { CliError } from '../cli-args';
import { type RegionPicker } from './region-picker';

export const INCIDENT_KINDS = ['crowd', 'dispute-run', 'district-dark'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** An injected scenario: a crowd building at a square, a run of disputes in one township, a district's cameras going dark. */
export interface Incident {
  readonly serial: number;
  readonly kind: IncidentKind;
  /** Camera id (crowd), township code (dispute-run) or county code (district-dark). */
  readonly target: string;
  readonly startMs: number;
  readonly endMs: number;
}

const MIN = 60_000;
export const INCIDENT_DURATION_MS: Readonly<Record<IncidentKind, number>> = {
  crowd: 15 * MIN,
  'dispute-run': 30 * MIN,
  'district-dark': 10 * MIN,
};

function defaultTarget(
  kind: IncidentKind,
  rng: Prng,
  cameras: readonly CameraSpec[],
  regions: RegionPicker,
): string {
  switch (kind) {
    case 'crowd': {
      const squares = cameras.filter((c) => c.siteType === 'square');
      return rng.pick(squares.length > 0 ? squares : cameras).cameraId;
    }
    case 'dispute-run':
      return regions.pick(rng).township.code;
    case 'district-dark':
      return regions.pick(rng).county.code;
  }
}

function validTarget(
  kind: IncidentKind,
  target: string,
  cameras: readonly CameraSpec[],
  regions: RegionPicker,
): boolean {
  switch (kind) {
    case 'crowd':
      return cameras.some((c) => c.cameraId === target);
    case 'dispute-run':
      return regions.region(target)?.level === 'township';
    case 'district-dark':
      return regions.region(target)?.level === 'county';
  }
}

/**
 * Parses `kind[@target]` (e.g. `crowd`, `dispute-run@511902101`, `district-dark@511923`); without a
 * target one is chosen from the seed, so the same command reproduces the same incident.
 */
export function parseIncident(
  text: string,
  ctx: { seed: number; serial: number; nowMs: number; cameras: readonly CameraSpec[]; regions: RegionPicker },
): Incident {
  const [rawKind = '', rawTarget] = text.trim().split('@');
  const kind = INCIDENT_KINDS.find((k) => k === rawKind);
  if (kind === undefined)
    throw new CliError(
      'CLI_BAD_VALUE',
      `unknown incident "${rawKind}"; one of ${INCIDENT_KINDS.join(', ')}[@target]`,
    );
  const rng = Prng.derive(ctx.seed, 'incident', kind, ctx.serial);
  const target = rawTarget ?? defaultTarget(kind, rng, ctx.cameras, ctx.regions);
  if (!validTarget(kind, target, ctx.cameras, ctx.regions))
    throw new CliError(
      'CLI_BAD_VALUE',
      `incident ${kind}: no such ${kind === 'crowd' ? 'simulated camera' : 'region'} ${target}`,
    );
  return {
    serial: ctx.serial,
    kind,
    target,
    startMs: ctx.nowMs,
    endMs: ctx.nowMs + INCIDENT_DURATION_MS[kind],
  };
}

/** Whether an incident is running at `ms`. */
export function isActive(incident: Incident, ms: number): boolean {
  return ms >= incident.startMs && ms < incident.endMs;
}

/** Head count of a building crowd: a logistic rise from ~40 to ~600 over the incident. */
export function crowdHeadCount(incident: Incident, ms: number): number {
  const x = (ms - incident.startMs) / (incident.endMs - incident.startMs);
  return Math.round(40 + 560 / (1 + Math.exp(-(x * 10 - 4))));
}
