import { z } from 'zod';
import { CAMERA_ID_PATTERN } from '../ids';
import {
  ANALYTICS_KINDS,
  CAMERA_STATUS_SOURCES,
  type CameraAnalytics,
  type CameraStatus,
} from './camera-event';

/*
 * Hand-written checks of the two camera events that make up ~98 % of the traffic (issue 18: the
 * warning service spent ~15 % of its busy time in zod's parse of heartbeats the ingest had already
 * validated). They answer "certainly valid under the contract" or "not sure", never "invalid": a
 * caller asks the zod schema whenever they are not sure, so the schema stays the one judge of what
 * is valid and these only skip its work for the plain case (no `health`, no key it does not know).
 * camera-event-fast.spec.ts checks with generated inputs that whatever they accept, zod accepts
 * and parses to the same value. The string formats are zod's own patterns.
 */
const UUID = z.regexes.uuid();
const INSTANT = z.regexes.datetime({ offset: true, local: false, precision: null });

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
// JSON has no NaN or Infinity; `typeof` and the bounds are the whole of z.number().min().max().
const inRange = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && v >= min && v <= max;
const optionalRange = (v: unknown, min: number, max: number): boolean =>
  v === undefined || inRange(v, min, max);
const optionalInt = (v: unknown, min: number, max: number): boolean =>
  v === undefined || (Number.isSafeInteger(v) && inRange(v, min, max));
const matches = (v: unknown, pattern: RegExp): boolean => typeof v === 'string' && pattern.test(v);
const oneOf = (v: unknown, values: readonly string[]): boolean => typeof v === 'string' && values.includes(v);

/** Only these keys, none inherited (JSON.parse makes `__proto__` an own key: it falls through too). */
function onlyKeys(v: JsonObject, keys: ReadonlySet<string>): boolean {
  for (const k in v) if (!keys.has(k)) return false;
  return true;
}

const envelopeOk = (v: JsonObject, schema: string): boolean =>
  v['schema'] === schema &&
  matches(v['eventId'], UUID) &&
  matches(v['occurredAt'], INSTANT) &&
  matches(v['cameraId'], CAMERA_ID_PATTERN);

const STATUS_KEYS: ReadonlySet<string> = new Set([
  'schema',
  'eventId',
  'occurredAt',
  'cameraId',
  'online',
  'bitrateKbps',
  'fps',
  'lastFrameAgeMs',
  'source',
]);

/**
 * The parsed JSON of a camera.status.v1 as the event when it is plainly valid (no `health`);
 * undefined when not sure: then ask `cameraStatusSchema`.
 */
export function plainCameraStatus(v: unknown): CameraStatus | undefined {
  if (!isObject(v) || !onlyKeys(v, STATUS_KEYS) || !envelopeOk(v, 'camera.status.v1')) return undefined;
  const ok =
    typeof v['online'] === 'boolean' &&
    optionalRange(v['bitrateKbps'], 0, 200_000) &&
    optionalRange(v['fps'], 0, 240) &&
    optionalInt(v['lastFrameAgeMs'], 0, 31 * 24 * 3600 * 1000) &&
    (v['source'] === undefined || oneOf(v['source'], CAMERA_STATUS_SOURCES));
  return ok ? (v as CameraStatus) : undefined;
}

const ANALYTICS_KEYS: ReadonlySet<string> = new Set([
  'schema',
  'eventId',
  'occurredAt',
  'cameraId',
  'kind',
  'confidence',
  'headCount',
  'snapshotRef',
]);

/** The same for camera.analytics.v1; undefined when not sure: then ask `cameraAnalyticsSchema`. */
export function plainCameraAnalytics(v: unknown): CameraAnalytics | undefined {
  if (!isObject(v) || !onlyKeys(v, ANALYTICS_KEYS) || !envelopeOk(v, 'camera.analytics.v1')) return undefined;
  const ok =
    oneOf(v['kind'], ANALYTICS_KINDS) &&
    inRange(v['confidence'], 0, 1) &&
    optionalInt(v['headCount'], 0, 100_000) &&
    (v['snapshotRef'] === undefined ||
      (typeof v['snapshotRef'] === 'string' && v['snapshotRef'].length <= 256)) &&
    (v['kind'] !== 'crowd' || v['headCount'] !== undefined);
  return ok ? (v as CameraAnalytics) : undefined;
}
