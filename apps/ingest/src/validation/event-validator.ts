import {
  cameraAnalyticsSchema,
  cameraRegisteredSchema,
  cameraStatusSchema,
  checkCaseEvent,
  codeOutsideCity,
  countyOfCameraId,
  outsideExtentMessage,
  pointOutsideExtent,
  type CityExtent,
  type CameraAnalytics,
  type CameraRegistered,
  type CameraStatus,
  type CaseEvent,
} from '@fengqiao/contracts';
import { type z } from 'zod';
import { type TopicKind } from '../ingest-topics';
import { type InputLimits } from './input-limits';
import { reject, type Checked } from './rejection';

/** A validated event, tagged with the contract it satisfied. */
export type IngestEvent =
  | { readonly kind: 'case'; readonly event: CaseEvent }
  | { readonly kind: 'cameraRegistered'; readonly event: CameraRegistered }
  | { readonly kind: 'cameraStatus'; readonly event: CameraStatus }
  | { readonly kind: 'cameraAnalytics'; readonly event: CameraAnalytics };

const CAMERA_SCHEMAS = {
  cameraRegistered: cameraRegisteredSchema,
  cameraStatus: cameraStatusSchema,
  cameraAnalytics: cameraAnalyticsSchema,
} as const;

/** The topic kind a webhook body claims by its `schema` field. */
export function cameraKindOfSchema(value: unknown): TopicKind | undefined {
  const schema =
    typeof value === 'object' && value !== null ? (value as { schema?: unknown }).schema : undefined;
  if (schema === 'camera.status.v1') return 'cameraStatus';
  if (schema === 'camera.analytics.v1') return 'cameraAnalytics';
  if (schema === 'camera.registered.v1') return 'cameraRegistered';
  return undefined;
}

const DAY_MS = 24 * 3600 * 1000;

/** What an event is checked against: the time window (config.tuning.ingest) and the city (config.city.code). */
export type ValidationRules = Pick<InputLimits, 'maxFutureSkewMs' | 'maxEventAgeMs'> & {
  /** The configured city's 4-digit prefecture code (FQ_CITY_CODE): every region code must lie in it. */
  readonly city: string;
  /** The city's extent (libs/geo cityExtentOf): every location must lie in it; no check when absent. */
  readonly extent?: CityExtent;
};

/**
 * Validates a parsed message against its topic's contract and the ingest's plausibility rules;
 * `occurredAt` must lie within the configured window (clock skew ahead, age behind), its region
 * codes and camera id in the configured city, its location (if any) in the city's extent.
 */
export function validateEvent(
  kind: TopicKind,
  value: unknown,
  nowMs: number,
  limits: ValidationRules,
): Checked<IngestEvent> {
  const checked =
    kind === 'case'
      ? checkCase(value, limits.city, limits.extent)
      : checkCamera(kind, value, limits.city, limits.extent);
  if (!checked.ok) return checked;
  const tagged = checked.value;
  const at = Date.parse(tagged.event.occurredAt);
  if (at > nowMs + limits.maxFutureSkewMs || at < nowMs - limits.maxEventAgeMs) {
    const window = `now - ${limits.maxEventAgeMs / DAY_MS} d, now + ${limits.maxFutureSkewMs / 60_000} min`;
    return reject('TIMESTAMP_OUT_OF_RANGE', `occurredAt: outside [${window}]`);
  }
  const conflict = idConflict(tagged);
  return conflict === undefined ? { ok: true, value: tagged } : reject('INCONSISTENT_IDS', conflict);
}

// The contracts' one case validator, the very one the API runs before it produces (issue 17 #11):
// a case event the API accepted is never dead-lettered here for its content.
function checkCase(value: unknown, city: string, extent: CityExtent | undefined): Checked<IngestEvent> {
  const checked = checkCaseEvent(value, city, extent);
  if (checked.ok) return { ok: true, value: { kind: 'case', event: checked.event } };
  return reject(checked.code, checked.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
}

function checkCamera(
  kind: Exclude<TopicKind, 'case'>,
  value: unknown,
  city: string,
  extent: CityExtent | undefined,
): Checked<IngestEvent> {
  const parsed = CAMERA_SCHEMAS[kind].safeParse(value);
  if (!parsed.success) return reject('SCHEMA_INVALID', describeIssues(parsed.error.issues));
  const e = parsed.data;
  // The same check as the case validator's (libs/contracts codeOutsideCity): the id's prefecture and any region.
  const region = 'region' in e && e.region !== undefined ? e.region.county : undefined;
  const outside = codeOutsideCity([e.cameraId, region], city);
  if (outside !== undefined)
    return reject(
      'REGION_OUTSIDE_CITY',
      `${outside === e.cameraId ? 'cameraId' : 'region.county'}: not in the configured city (FQ_CITY_CODE ${city})`,
    );
  // The same check as the case validator's (libs/contracts pointOutsideExtent): a registered camera's place.
  if (extent !== undefined && 'location' in e && pointOutsideExtent(e.location, extent))
    return reject('LOCATION_OUTSIDE_CITY', `location: ${outsideExtentMessage(extent)}`);
  return { ok: true, value: { kind, event: e } as IngestEvent };
}

// GB/T 28181 ids carry the county code: a region that disagrees is a forged or broken event.
function idConflict(e: IngestEvent): string | undefined {
  switch (e.kind) {
    case 'case':
      return undefined;
    case 'cameraRegistered':
      return countyOfCameraId(e.event.cameraId) === e.event.region.county
        ? undefined
        : 'cameraId: county code differs from region.county';
    case 'cameraStatus':
    case 'cameraAnalytics':
      return undefined;
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length === 0 ? '(root)' : i.path.map(String).join('.')}: ${i.message}`)
    .join('; ');
}
