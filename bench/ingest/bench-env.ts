import { randomUUID } from 'node:crypto';
import { loadConfig, type FengqiaoConfig } from '@fengqiao/config';
import { createPool, ensureDatabase, migrate, withDatabaseName, type DbPool } from '@fengqiao/db';

/** The benchmark's own database (recreated each run), so the demo data is never touched. */
export async function benchDatabase(
  name = 'fengqiao_bench',
): Promise<{ config: FengqiaoConfig; url: string; pool: DbPool }> {
  const base = loadConfig();
  const url = withDatabaseName(base.postgres.url, name);
  await ensureDatabase(url, { recreate: true });
  const pool = createPool(url, { max: 4 });
  await migrate(pool, { direction: 'up' });
  // The 31,000-camera registry, spread over the five districts and 120 townships.
  await pool.query(`
    INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
    SELECT camera_id, 'bench camera', 'road', county, county || lpad(((i % 24) + 1)::text, 3, '0'), 106.8, 31.9,
           'bench', 'k' || i, now() - interval '1 day'
    FROM (SELECT i, (ARRAY['511902','511903','511921','511922','511923'])[(i % 5) + 1] AS county FROM generate_series(0, 30999) i) s,
         LATERAL (SELECT county || lpad(i::text, 14, '0') AS camera_id) c`);
  return { config: { ...base, postgres: { ...base.postgres, url } }, url, pool };
}

export const CAMERA_COUNT = 31_000;
const COUNTIES = ['511902', '511903', '511921', '511922', '511923'];

/** The id of bench camera `i` (as seeded by benchDatabase). */
export function benchCameraId(i: number): string {
  const n = i % CAMERA_COUNT;
  return `${COUNTIES[n % 5]}${String(n).padStart(14, '0')}`;
}

/**
 * One message of the 31,000-camera mix: mostly heartbeats, some analytics detections, a few case
 * reports. Built as template strings: the producer must not be the bottleneck being measured.
 */
export function mixedEvent(
  seq: number,
  occurredAt: string,
): { kind: 'status' | 'analytics' | 'case'; key: string; value: string } {
  const cameraId = benchCameraId(seq);
  const eventId = randomUUID();
  const r = seq % 100;
  if (r < 90)
    return {
      kind: 'status',
      key: cameraId,
      value: `{"schema":"camera.status.v1","eventId":"${eventId}","occurredAt":"${occurredAt}","cameraId":"${cameraId}","online":true,"bitrateKbps":2048,"fps":25,"lastFrameAgeMs":40}`,
    };
  if (r < 98)
    return {
      kind: 'analytics',
      key: cameraId,
      value: `{"schema":"camera.analytics.v1","eventId":"${eventId}","occurredAt":"${occurredAt}","cameraId":"${cameraId}","kind":"crowd","confidence":0.8,"headCount":${seq % 300}}`,
    };
  const county = cameraId.slice(0, 6);
  const caseId = `C${county}-20261127-${String(seq % 100_000).padStart(5, '0')}`;
  return {
    kind: 'case',
    key: caseId,
    value: `{"schema":"case.event.v1","eventId":"${eventId}","caseId":"${caseId}","occurredAt":"${occurredAt}","channel":"hotline","region":{"county":"${county}","township":"${county}001"},"type":"reported","category":"neighbourhood","summary":"bench case","partiesCount":1,"riskFlags":{"violenceRisk":false,"extremeWords":false,"groupPetition":false,"repeatVisits":0}}`,
  };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
