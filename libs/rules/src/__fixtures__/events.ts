import {
  type CameraAnalytics,
  type CameraStatus,
  type CaseCategory,
  type CaseEvent,
  type RiskFlags,
  type ServiceTier,
  type SiteType,
} from '@fengqiao/contracts';
import { buildCameraDirectory, type CameraSite } from '../directory/camera-directory';

/** Shared factories for the rules specs (test-only; not exported from the lib). */

/** 2026-06-01 (a Monday) 10:00 in Bazhong, as epoch ms. */
export const T0 = Date.parse('2026-06-01T10:00:00+08:00');
export const MIN = 60_000;
export const HOUR = 60 * MIN;

let counter = 0;
/** A fresh, deterministic event id. */
export function eid(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export const TOWNSHIP = '511902001';
export const COUNTY = '511902';

export function reported(
  at: number,
  opts: { township?: string; category?: CaseCategory; flags?: Partial<RiskFlags>; caseNo?: number } = {},
): CaseEvent {
  const township = opts.township ?? TOWNSHIP;
  return {
    schema: 'case.event.v1',
    eventId: eid(),
    caseId: `C${township.slice(0, 6)}-20260601-${String(opts.caseNo ?? counter % 100000).padStart(5, '0')}`,
    occurredAt: iso(at),
    channel: 'window',
    region: { county: township.slice(0, 6), township },
    type: 'reported',
    category: opts.category ?? 'neighbourhood',
    summary: 'a dispute',
    partiesCount: 1,
    riskFlags: {
      violenceRisk: false,
      extremeWords: false,
      groupPetition: false,
      repeatVisits: 0,
      ...opts.flags,
    },
    parties: [],
  };
}

export function caseEvent(
  at: number,
  caseId: string,
  change:
    | { type: 'triaged'; tier: ServiceTier }
    | { type: 'resolved' | 'assigned' | 'leader-assigned' | 'reopened' },
): CaseEvent {
  const base = {
    schema: 'case.event.v1' as const,
    eventId: eid(),
    caseId,
    occurredAt: iso(at),
    channel: 'window' as const,
    region: { county: COUNTY, township: TOWNSHIP },
  };
  switch (change.type) {
    case 'triaged':
      return {
        ...base,
        type: 'triaged',
        category: 'neighbourhood',
        tier: change.tier,
        department: 'mediation',
      };
    case 'resolved':
      return { ...base, type: 'resolved', outcome: 'mediated' };
    case 'assigned':
      return { ...base, type: 'assigned', department: 'leaders', assignee: 'leader-1' };
    case 'leader-assigned':
      return { ...base, type: 'leader-assigned', leader: 'leader-1', reason: '重大纠纷领导包案' };
    case 'reopened':
      return { ...base, type: 'reopened', reason: '当事人反映协议未履行' };
  }
}

/** Camera n of township 511902001 (n < 1000 → site types cycle), 20-digit GB/T 28181 id. */
export function cameraId(n: number, county = COUNTY): string {
  return `${county}${String(n).padStart(14, '0')}`;
}

export function site(
  n: number,
  siteType: SiteType,
  opts: { township?: string; lon?: number; lat?: number } = {},
): CameraSite {
  const township = opts.township ?? TOWNSHIP;
  return {
    cameraId: cameraId(n, township.slice(0, 6)),
    county: township.slice(0, 6),
    township,
    siteType,
    location: { lon: opts.lon ?? 106.75 + n * 0.0001, lat: opts.lat ?? 31.85 },
  };
}

/** 40 cameras in one township: 0-9 schools, 10-19 squares, 20-39 roads, all within ~400 m. */
export function smallDirectory() {
  const sites: CameraSite[] = [];
  for (let n = 0; n < 40; n++) sites.push(site(n, n < 10 ? 'school' : n < 20 ? 'square' : 'road'));
  return buildCameraDirectory(sites);
}

export function analytics(
  at: number,
  cam: number,
  kind: CameraAnalytics['kind'],
  confidence: number,
  headCount?: number,
): CameraAnalytics {
  const e: CameraAnalytics = {
    schema: 'camera.analytics.v1',
    eventId: eid(),
    occurredAt: iso(at),
    cameraId: cameraId(cam),
    kind,
    confidence,
  };
  return headCount === undefined ? e : { ...e, headCount };
}

export function status(at: number, cam: number, online: boolean): CameraStatus {
  return { schema: 'camera.status.v1', eventId: eid(), occurredAt: iso(at), cameraId: cameraId(cam), online };
}
