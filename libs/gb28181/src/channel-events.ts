import {
  type AnalyticsKind,
  type CameraAnalytics,
  type CameraRegistered,
  type CameraStatus,
  type SiteType,
  cameraAnalyticsSchema,
  cameraIdSchema,
  cameraRegisteredSchema,
  cameraStatusSchema,
  geoPointSchema,
} from '@fengqiao/contracts';
import { gbIdKind } from './gb-id';
import { type CatalogItem, type ManscdpMessage } from './manscdp/manscdp-types';

/** A township's code and centre, for placing a channel whose civil code names only its county. */
export interface TownshipRef {
  readonly code: string;
  readonly lon: number;
  readonly lat: number;
}

export interface ChannelContext {
  readonly eventId: string;
  readonly at: Date;
  /** Every township of the city, from the regions table. */
  readonly townships: readonly TownshipRef[];
  readonly siteType: SiteType;
  /** Who runs the camera when the device does not say (Owner): the platform's configured name. */
  readonly department: string;
}

export type ChannelOutcome =
  | { readonly kind: 'camera'; readonly event: CameraRegistered }
  | { readonly kind: 'skipped'; readonly reason: 'not-a-camera' | 'outside-city' | 'unknown-region' };

/** A Catalog item as the registry entry of the same contract the simulator produces. */
export function registryEventOf(item: CatalogItem, ctx: ChannelContext): ChannelOutcome {
  const kind = gbIdKind(item.deviceId);
  if (kind !== 'camera' && !(kind === 'device' && !item.parental))
    return { kind: 'skipped', reason: 'not-a-camera' };
  // The city is what the regions table holds: a camera of a prefecture none of its townships is in.
  const prefecture = item.deviceId.slice(0, 4);
  if (
    !cameraIdSchema.safeParse(item.deviceId).success ||
    !ctx.townships.some((t) => t.code.startsWith(prefecture))
  )
    return { kind: 'skipped', reason: 'outside-city' };
  const township = townshipOf(item, ctx.townships);
  if (township === undefined) return { kind: 'skipped', reason: 'unknown-region' };
  const given = { lon: item.longitude ?? Number.NaN, lat: item.latitude ?? Number.NaN };
  const location = geoPointSchema.safeParse(given).success ? given : { lon: township.lon, lat: township.lat };
  const event = cameraRegisteredSchema.parse({
    schema: 'camera.registered.v1',
    eventId: ctx.eventId,
    occurredAt: ctx.at.toISOString(),
    cameraId: item.deviceId,
    name: clip(item.name ?? item.deviceId, 120),
    siteType: ctx.siteType,
    region: { county: township.code.slice(0, 6), township: township.code },
    location,
    department: clip(item.owner ?? ctx.department, 64),
    streamKey: item.deviceId,
  });
  return { kind: 'camera', event };
}

const clip = (s: string, max: number): string => (s.trim() === '' ? '-' : s.trim().slice(0, max));

/**
 * The channel's township: its civil code when that names one (9 digits), else the township of its
 * county (civil code, or the id's first six digits) nearest to its coordinates, else the county's first.
 */
function townshipOf(item: CatalogItem, townships: readonly TownshipRef[]): TownshipRef | undefined {
  const civil = item.civilCode ?? '';
  const exact = civil.length >= 9 ? townships.find((t) => t.code === civil.slice(0, 9)) : undefined;
  if (exact !== undefined) return exact;
  const civilCounty = /^\d{6}/.test(civil) ? civil.slice(0, 6) : '';
  const known = civilCounty !== '' && townships.some((t) => t.code.startsWith(civilCounty));
  const county = known ? civilCounty : item.deviceId.slice(0, 6);
  const inCounty = townships.filter((t) => t.code.startsWith(county));
  const { longitude: lon, latitude: lat } = item;
  if (lon === undefined || lat === undefined) return inCounty[0];
  let best: TownshipRef | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const t of inCounty) {
    const d = (t.lon - lon) ** 2 + (t.lat - lat) ** 2;
    if (d < bestD) [best, bestD] = [t, d];
  }
  return best;
}

/** A status event said by the device (or concluded from its silence). */
export function deviceStatusEvent(
  cameraId: string,
  online: boolean,
  at: Date,
  eventId: string,
): CameraStatus {
  return cameraStatusSchema.parse({
    schema: 'camera.status.v1',
    eventId,
    occurredAt: at.toISOString(),
    cameraId,
    online,
    source: 'device',
  });
}

// GB/T 28181-2016 Annex A, AlarmType when AlarmMethod is 5 (video): 2 motion, 3 left object, 4 object removed,
// 5 tripwire, 6 intrusion, 7 wrong way, 8 loitering, 9 flow count, 10 density, 11 video anomaly, 12 fast moving.
const VIDEO_ALARM_KINDS: Readonly<Record<number, AnalyticsKind>> = {
  3: 'abandoned-object',
  5: 'intrusion',
  6: 'intrusion',
  8: 'loitering',
  9: 'congestion',
  10: 'congestion',
};
// Priority 1 (highest) .. 4 as the detection's confidence: the device's own ranking, nothing more.
const CONFIDENCE_BY_PRIORITY = [0.95, 0.85, 0.7, 0.5] as const;

/**
 * A video Alarm as an analytics event; undefined for alarms without an analytics kind (counted by the
 * app) and for cameras outside the city (`prefecture`: the 4-digit code our platform id starts with).
 */
export function analyticsEventOf(
  alarm: Extract<ManscdpMessage, { kind: 'alarm' }>,
  at: Date,
  eventId: string,
  prefecture: string,
): CameraAnalytics | undefined {
  if (!alarm.method.includes('5') || alarm.alarmType === undefined) return undefined;
  const kind = VIDEO_ALARM_KINDS[alarm.alarmType];
  const ours = cameraIdSchema.safeParse(alarm.deviceId).success && alarm.deviceId.startsWith(prefecture);
  if (kind === undefined || !ours) return undefined;
  const priority = Math.min(4, Math.max(1, alarm.priority));
  return cameraAnalyticsSchema.parse({
    schema: 'camera.analytics.v1',
    eventId,
    occurredAt: at.toISOString(),
    cameraId: alarm.deviceId,
    kind,
    confidence: CONFIDENCE_BY_PRIORITY[priority - 1] ?? 0.5,
  });
}
