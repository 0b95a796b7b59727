import {
  type CameraAnalyticsRow,
  type CameraRow,
  type CameraStatusRow,
  type CaseEventRow,
} from '@fengqiao/db';
import { seededUuid, timeSeriesData } from '../../libs/db/src/testing/time-series-data';

const DAY = 86_400_000;

/** 90 days (or `days`) of history, the same rows for every engine: the bench/db data set. */
export interface HistoryData {
  readonly cases: CaseEventRow[];
  readonly analytics: CameraAnalyticsRow[];
  readonly cameras: CameraRow[];
  readonly status: CameraStatusRow[];
}

export interface HistoryShape {
  readonly now: number;
  readonly days: number;
  readonly townships: number;
  /** Reported cases and analytics detections per township and hour. */
  readonly perHour: number;
  /** Cameras reporting their status every 30 s, as devices do. */
  readonly statusCameras: number;
}

/** Camera status every 30 s: online with short outages, steady stream figures. */
function denseStatus(s: HistoryShape): CameraStatusRow[] {
  const rows: CameraStatusRow[] = [];
  for (let c = 0; c < s.statusCameras; c++) {
    const cameraId = `511902900${String(c).padStart(11, '0')}`;
    for (let t = s.now - s.days * DAY, i = 0; t < s.now; t += 30_000, i++) {
      const outage = (i + c * 997) % 2880 < 20;
      rows.push({
        eventId: seededUuid(`status ${c} ${i}`),
        occurredAt: new Date(t).toISOString(),
        cameraId,
        online: !outage,
        bitrateKbps: outage ? null : 2000 + ((i * 7 + c) % 97),
        fps: outage ? null : 25,
        lastFrameAgeMs: outage ? null : 40 + ((i * 13) % 160),
        source: 'device',
      });
    }
  }
  return rows;
}

export function historyData(s: HistoryShape): HistoryData {
  const cases: CaseEventRow[] = [];
  const analytics: CameraAnalyticsRow[] = [];
  const cameras: CameraRow[] = [];
  for (let t = 0; t < s.townships; t++) {
    const d = timeSeriesData(`5119${String(21000 + t * 7).padStart(5, '0')}`, s.now, s.days, s.perHour);
    cases.push(...d.cases);
    analytics.push(...d.analytics);
    cameras.push(...d.cameras);
  }
  return { cases, analytics, cameras, status: denseStatus(s) };
}
