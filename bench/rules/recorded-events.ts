import {
  ANALYTICS_KINDS,
  CASE_CATEGORIES,
  SITE_TYPES,
  type CameraAnalytics,
  type CameraStatus,
  type CaseEvent,
} from '@fengqiao/contracts';
import { BUILT_IN_DISTRICTS } from '@fengqiao/geo';
import { type CameraSite, type EngineInput, type HourlyCount } from '@fengqiao/rules';

/** mulberry32: a seeded generator, so every run replays the same "recording". */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TOWNSHIPS_PER_COUNTY = 24;
const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** 31,000 cameras over 5 districts × 24 townships, key sites about a third of them. */
export function cameraSites(count: number, rnd: () => number): CameraSite[] {
  return Array.from({ length: count }, (_, n) => {
    const d = BUILT_IN_DISTRICTS[n % 5] ?? BUILT_IN_DISTRICTS[0];
    if (d === undefined) throw new Error('no districts');
    const township = `${d.code}${String(1 + (Math.floor(n / 5) % TOWNSHIPS_PER_COUNTY)).padStart(3, '0')}`;
    const siteType = rnd() < 0.6 ? 'road' : (SITE_TYPES[Math.floor(rnd() * SITE_TYPES.length)] ?? 'road');
    const location = { lon: d.seat.lon + (rnd() - 0.5) * 0.3, lat: d.seat.lat + (rnd() - 0.5) * 0.3 };
    return {
      cameraId: `${d.code}${String(n).padStart(14, '0')}`,
      county: d.code,
      township,
      siteType,
      location,
    };
  });
}

/** Hourly history of every township and county for `days` days: what a baseline is built from. */
export function* hourlyHistory(
  sites: readonly CameraSite[],
  untilMs: number,
  days: number,
  rnd: () => number,
): Generator<HourlyCount> {
  const regions = [...new Set(sites.flatMap((s) => [s.township, s.county]))];
  for (let h = days * 24; h > 0; h--) {
    const hourStartMs = untilMs - h * 3_600_000;
    for (const region of regions) {
      const scale = region.length === 6 ? 24 : 1;
      yield { region, metric: 'cases', hourStartMs, value: Math.floor(rnd() * 3 * scale) };
      yield { region, metric: 'analytics', hourStartMs, value: Math.floor(rnd() * 10 * scale) };
    }
  }
}

/** Shares of heartbeats, detections and case events in a recording (they sum to 1). */
export interface Mix {
  readonly status: number;
  readonly analytics: number;
  readonly cases: number;
}

/**
 * A recorded stream as the input topics carry it, as JSON payloads: heartbeats (1% of them a
 * change of online state), analytics detections of uniform confidence, and case events.
 */
export function recordedPayloads(
  sites: readonly CameraSite[],
  opts: { count: number; startMs: number; perSecond: number; mix: Mix },
  rnd: () => number,
): string[] {
  const { count, startMs, perSecond, mix } = opts;
  const out: string[] = [];
  const offline = new Set<string>();
  for (let i = 0; i < count; i++) {
    const at = new Date(startMs + Math.floor((i * 1000) / perSecond)).toISOString();
    const site = sites[Math.floor(rnd() * sites.length)] ?? sites[0];
    if (site === undefined) throw new Error('no cameras');
    const r = rnd();
    const event =
      r < mix.status
        ? heartbeat(i, at, site, offline, rnd)
        : r < mix.status + mix.analytics
          ? detection(i, at, site, rnd)
          : caseEvent(i, at, site, rnd);
    out.push(JSON.stringify(event));
  }
  return out;
}

function heartbeat(
  i: number,
  at: string,
  site: CameraSite,
  offline: Set<string>,
  rnd: () => number,
): CameraStatus {
  if (rnd() < 0.01) {
    if (offline.has(site.cameraId)) offline.delete(site.cameraId);
    else offline.add(site.cameraId);
  }
  const online = !offline.has(site.cameraId);
  return {
    schema: 'camera.status.v1',
    eventId: uuid(i),
    occurredAt: at,
    cameraId: site.cameraId,
    online,
    fps: online ? 25 : 0,
  };
}

function detection(i: number, at: string, site: CameraSite, rnd: () => number): CameraAnalytics {
  const kind = ANALYTICS_KINDS[Math.floor(rnd() * ANALYTICS_KINDS.length)] ?? 'crowd';
  const e: CameraAnalytics = {
    schema: 'camera.analytics.v1',
    eventId: uuid(i),
    occurredAt: at,
    cameraId: site.cameraId,
    kind,
    confidence: Math.round(rnd() * 100) / 100,
  };
  return kind === 'crowd' ? { ...e, headCount: Math.floor(rnd() * rnd() * 1200) } : e;
}

function caseEvent(i: number, at: string, site: CameraSite, rnd: () => number): CaseEvent {
  const caseId = `C${site.county}-20260601-${String(i % 100_000).padStart(5, '0')}`;
  const base = {
    schema: 'case.event.v1',
    eventId: uuid(i),
    caseId,
    occurredAt: at,
    channel: 'window',
    region: { county: site.county, township: site.township },
  } as const;
  const category = CASE_CATEGORIES[Math.floor(rnd() * CASE_CATEGORIES.length)] ?? 'other';
  if (rnd() < 0.3)
    return {
      ...base,
      type: 'triaged',
      category,
      tier: rnd() < 0.5 ? 'simple' : 'general',
      department: 'mediation',
    };
  const riskFlags = {
    violenceRisk: rnd() < 0.01,
    extremeWords: rnd() < 0.02,
    groupPetition: rnd() < 0.01,
    repeatVisits: Math.floor(rnd() * rnd() * 5),
  };
  return {
    ...base,
    type: 'reported',
    category,
    summary: 'recorded dispute',
    partiesCount: 1 + Math.floor(rnd() * 3),
    riskFlags,
    parties: [],
  };
}

/** Wraps a parsed payload as the engine input its schema names. */
export function inputOf(e: CaseEvent | CameraStatus | CameraAnalytics): EngineInput {
  switch (e.schema) {
    case 'case.event.v1':
      return { kind: 'case', event: e };
    case 'camera.status.v1':
      return { kind: 'camera-status', event: e };
    case 'camera.analytics.v1':
      return { kind: 'camera-analytics', event: e };
  }
}
