import { z } from 'zod';

/** Deterministic event id fixed at the source: a UUID (v5 from source coordinates, or v4/v7). */
export const eventIdSchema = z.string().uuid();
/** Instant fixed at the source, ISO-8601 with an offset. */
export const instantSchema = z.string().datetime({ offset: true });

/** 20-digit GB/T 28181 device id: 6-digit region code first, 2-digit industry, 3-digit type, ... */
/** The shape of a GB/T 28181 camera id (also read by the plain-valid fast checks of camera events). */
export const CAMERA_ID_PATTERN = /^[1-8]\d{19}$/;
export const cameraIdSchema = z
  .string()
  .regex(CAMERA_ID_PATTERN, 'camera id must be a 20-digit GB/T 28181 id');
export type CameraId = z.infer<typeof cameraIdSchema>;

/** The county code a GB/T 28181 id carries in its first six digits. */
export function countyOfCameraId(id: CameraId): string {
  return id.slice(0, 6);
}

export const caseIdSchema = z
  .string()
  .regex(/^C\d{6}-\d{8}-\d{5}$/, 'case id must look like C511902-20260101-00001');
