import {
  type CameraAnalytics,
  type CameraRegistered,
  type CameraStatus,
  type CaseEvent,
} from '@fengqiao/contracts';
// Contract → row mappings shared by every writer of the event store (the ingest, the history generator).
import {
  type CameraAnalyticsRow,
  type CameraRegionRow,
  type CameraRow,
  type CameraStatusRow,
  type CaseEventRow,
} from './event-rows';

export function caseEventRow(e: CaseEvent): CaseEventRow {
  return {
    eventId: e.eventId,
    occurredAt: e.occurredAt,
    caseId: e.caseId,
    type: e.type,
    channel: e.channel,
    county: e.region.county,
    township: e.region.township,
    village: e.region.village ?? null,
    grid: e.region.grid ?? null,
    category: e.type === 'reported' || e.type === 'triaged' ? e.category : null,
    tier: e.type === 'triaged' ? e.tier : null,
    payload: JSON.stringify(e),
  };
}

export function cameraStatusRow(e: CameraStatus): CameraStatusRow {
  return {
    eventId: e.eventId,
    occurredAt: e.occurredAt,
    cameraId: e.cameraId,
    online: e.online,
    bitrateKbps: e.bitrateKbps ?? null,
    fps: e.fps ?? null,
    lastFrameAgeMs: e.lastFrameAgeMs ?? null,
    source: e.source ?? null,
    health: e.health === undefined ? null : JSON.stringify(e.health),
  };
}

export function cameraAnalyticsRow(
  e: CameraAnalytics,
  region: Pick<CameraRegionRow, 'county' | 'township'>,
): CameraAnalyticsRow {
  return {
    eventId: e.eventId,
    occurredAt: e.occurredAt,
    cameraId: e.cameraId,
    kind: e.kind,
    confidence: e.confidence,
    headCount: e.headCount ?? null,
    snapshotRef: e.snapshotRef ?? null,
    county: region.county,
    township: region.township,
  };
}

export function cameraRow(e: CameraRegistered): CameraRow {
  return {
    cameraId: e.cameraId,
    name: e.name,
    siteType: e.siteType,
    county: e.region.county,
    township: e.region.township,
    village: e.region.village ?? null,
    grid: e.region.grid ?? null,
    lon: e.location.lon,
    lat: e.location.lat,
    department: e.department,
    streamKey: e.streamKey,
    registeredAt: e.occurredAt,
  };
}
