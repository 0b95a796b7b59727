import { createHash } from 'node:crypto';
import {
  type CameraAnalyticsRow,
  type CameraRow,
  type CameraStatusRow,
  type CaseEventRow,
} from '../event-rows';

/**
 * Deterministic history for one township: cameras, reported cases, analytics and status reports
 * spread over `days` back from `nowMs` (the current, not yet rolled-up hour included). The same
 * input gives the same rows, so two databases can be filled identically and compared.
 */
export interface TimeSeriesData {
  readonly cameras: CameraRow[];
  readonly cases: CaseEventRow[];
  readonly analytics: CameraAnalyticsRow[];
  readonly status: CameraStatusRow[];
}

const HOUR = 3_600_000;
const CATEGORIES = ['neighbour', 'labour', 'land'] as const;
const KINDS = ['crowd', 'intrusion'] as const;

/** A uuid that is a pure function of its seed. */
export function seededUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function timeSeriesData(township: string, nowMs: number, days: number, perHour = 1): TimeSeriesData {
  const county = township.slice(0, 6);
  const cameras: CameraRow[] = [1, 2, 3].map((n) => ({
    cameraId: `${township}${String(n).padStart(11, '0')}`,
    name: `cam ${n}`,
    siteType: 'road',
    county,
    township,
    village: null,
    grid: `${township}00${n}`,
    lon: 106.7 + n / 100,
    lat: 31.8,
    department: 'test',
    streamKey: `k${township}${n}`,
    registeredAt: new Date(nowMs - (days + 1) * 24 * HOUR).toISOString(),
  }));
  const cases: CaseEventRow[] = [];
  const analytics: CameraAnalyticsRow[] = [];
  const status: CameraStatusRow[] = [];
  const firstHour = Math.floor(nowMs / HOUR) * HOUR - days * 24 * HOUR;
  for (let h = firstHour, i = 0; h <= nowMs; h += HOUR, i++) {
    for (let k = 0; k < perHour; k++) {
      const at = Math.min(h + ((i * 7 + k * 13) % 60) * 60_000, nowMs - 1000);
      const occurredAt = new Date(at).toISOString();
      const cam = cameras[(i + k) % cameras.length] as CameraRow;
      if ((i + k) % 3 !== 2) {
        const caseId = `T-${township}-${i}-${k}`;
        const category = CATEGORIES[(i + k) % CATEGORIES.length] as string;
        cases.push({
          eventId: seededUuid(`case ${township} ${i} ${k}`),
          occurredAt,
          caseId,
          type: 'reported',
          channel: 'hotline',
          county,
          township,
          village: null,
          grid: cam.grid,
          category,
          tier: 'township',
          payload: JSON.stringify({ caseId, category, summary: 'fixture', partiesCount: 1, riskFlags: [] }),
        });
      }
      analytics.push({
        eventId: seededUuid(`analytics ${township} ${i} ${k}`),
        occurredAt,
        cameraId: cam.cameraId,
        kind: KINDS[(i * 3 + k) % KINDS.length] as string,
        confidence: 0.9,
        headCount: null,
        snapshotRef: null,
        county,
        township,
      });
      status.push({
        eventId: seededUuid(`status ${township} ${i} ${k}`),
        occurredAt,
        cameraId: cam.cameraId,
        online: (i + k) % 5 !== 0,
        bitrateKbps: 2048,
        fps: 25,
        lastFrameAgeMs: 100,
        source: 'device',
      });
    }
  }
  return { cameras, cases, analytics, status };
}
