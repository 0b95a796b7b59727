/** A case event as the case_events table stores it; `payload` is the validated event as JSON text. */
export interface CaseEventRow {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly caseId: string;
  readonly type: string;
  readonly channel: string;
  readonly county: string;
  readonly township: string;
  readonly village: string | null;
  readonly grid: string | null;
  readonly category: string | null;
  readonly tier: string | null;
  readonly payload: string;
}

export interface CameraStatusRow {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly cameraId: string;
  readonly online: boolean;
  readonly bitrateKbps: number | null;
  readonly fps: number | null;
  readonly lastFrameAgeMs: number | null;
  /** Who reported it (device, media, simulator); null for producers that predate the field. */
  readonly source: string | null;
  /** The prober's sample (JSON of camera.status.v1 `health`), or null: most events carry none. */
  readonly health?: string | null;
}

/** An analytics event plus the region its camera is registered in (for the rollup). */
export interface CameraAnalyticsRow {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly cameraId: string;
  readonly kind: string;
  readonly confidence: number;
  readonly headCount: number | null;
  readonly snapshotRef: string | null;
  readonly county: string;
  readonly township: string;
}

export interface CameraRow {
  readonly cameraId: string;
  readonly name: string;
  readonly siteType: string;
  readonly county: string;
  readonly township: string;
  readonly village: string | null;
  readonly grid: string | null;
  readonly lon: number;
  readonly lat: number;
  readonly department: string;
  readonly streamKey: string;
  readonly registeredAt: string;
}

export interface CameraRegionRow {
  readonly cameraId: string;
  readonly county: string;
  readonly township: string;
}
