import { randomUUID } from 'node:crypto';
import {
  type CameraAnalytics,
  type CameraRegistered,
  type CameraStatus,
  type CaseEvent,
} from '@fengqiao/contracts';

// Test data for the input contracts. Each factory returns a valid event; overrides replace fields.
// Ids are random so parallel tests never collide; pass `eventId` for a deterministic one.

/** A valid GB/T 28181 camera id in `county`, numbered `n`. */
export function aCameraId(n: number, county = '511902'): string {
  return `${county}${String(n).padStart(14, '0')}`;
}

/** A valid case id in `county`, numbered `n`. */
export function aCaseId(n: number, county = '511902', day = '20261127'): string {
  return `C${county}-${day}-${String(n % 100_000).padStart(5, '0')}`;
}

/** Now, as the ISO instant the contracts expect. */
export function anInstant(offsetMs = 0, now = Date.now()): string {
  return new Date(now + offsetMs).toISOString();
}

export function aCameraRegistered(overrides: Partial<CameraRegistered> = {}): CameraRegistered {
  const cameraId = overrides.cameraId ?? aCameraId(1);
  const county = cameraId.slice(0, 6);
  return {
    schema: 'camera.registered.v1',
    eventId: randomUUID(),
    occurredAt: anInstant(),
    cameraId,
    name: 'Square north gate',
    siteType: 'square',
    region: { county, township: `${county}001` },
    location: { lon: 106.754, lat: 31.858 },
    department: 'public-security',
    streamKey: `cam-${cameraId}`,
    ...overrides,
  };
}

export function aCameraStatus(overrides: Partial<CameraStatus> = {}): CameraStatus {
  return {
    schema: 'camera.status.v1',
    eventId: randomUUID(),
    occurredAt: anInstant(),
    cameraId: aCameraId(1),
    online: true,
    bitrateKbps: 2048,
    fps: 25,
    lastFrameAgeMs: 40,
    ...overrides,
  };
}

export function aCameraAnalytics(overrides: Partial<CameraAnalytics> = {}): CameraAnalytics {
  return {
    schema: 'camera.analytics.v1',
    eventId: randomUUID(),
    occurredAt: anInstant(),
    cameraId: aCameraId(1),
    kind: 'crowd',
    confidence: 0.9,
    headCount: 120,
    snapshotRef: 'snap/1.jpg',
    ...overrides,
  };
}

/** A `reported` case event (the one with category, parties and risk flags). */
export function aCaseReported(overrides: Partial<Extract<CaseEvent, { type: 'reported' }>> = {}): CaseEvent {
  const county = overrides.region?.county ?? '511902';
  return {
    schema: 'case.event.v1',
    eventId: randomUUID(),
    caseId: aCaseId(1, county),
    occurredAt: anInstant(),
    channel: 'window',
    region: { county, township: `${county}001` },
    type: 'reported',
    category: 'neighbourhood',
    summary: 'Noise dispute between neighbours',
    partiesCount: 2,
    riskFlags: { violenceRisk: false, extremeWords: false, groupPetition: false, repeatVisits: 0 },
    parties: [{ name: '张某' }],
    ...overrides,
  };
}
