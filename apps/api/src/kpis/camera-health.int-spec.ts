import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type CameraHealthTrendResponse } from '@fengqiao/contracts';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { KpiSeriesService } from './kpi-series.service';
import { claimTownship } from './kpi-fixtures';

const HOUR = 3_600_000;

describe('camera health trend: rollup for complete hours, raw events for the open one', () => {
  let api: ApiHarness;
  let township: string;
  const hourStart = Math.floor(Date.now() / HOUR) * HOUR;

  async function report(cameraId: string, atMs: number, online: boolean): Promise<void> {
    await api.pool.query(
      `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, last_frame_age_ms)
       VALUES ($1, $2, $3, $4, 100)`,
      [randomUUID(), new Date(atMs), cameraId, online],
    );
  }

  beforeAll(async () => {
    api = await startApi();
    township = await claimTownship(api.pool);
    const cams = ['1', '2'].map((n) => `${township}${String(Date.now()).slice(-10)}${n}`);
    for (const id of cams)
      await api.pool.query(
        `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
         VALUES ($1, 'h', 'road', $2, $3, 107.1, 31.6, 't', $1, now())`,
        [id, township.slice(0, 6), township],
      );
    const [a, b] = cams as [string, string];
    // Two hours ago: 3 of 4 reports online; the hour before this one: 1 of 2; this hour: 2 of 2.
    for (const [cam, off, online] of [
      [a, -2 * HOUR + 60_000, true],
      [b, -2 * HOUR + 60_000, false],
      [a, -2 * HOUR + 120_000, true],
      [b, -2 * HOUR + 120_000, true],
      [a, -HOUR + 60_000, true],
      [b, -HOUR + 60_000, false],
    ] as const)
      await report(cam, hourStart + off, online);
    await api.app.get(KpiSeriesService).refreshCameraHealth();
    // Arrive after the refresh, in the open hour: read from the raw events.
    await report(a, hourStart + 1000, true);
    await report(b, hourStart + 2000, true);
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers hourly online shares of the scope, the newest hour included', async () => {
    const from = new Date(hourStart - 3 * HOUR).toISOString();
    const to = new Date(hourStart + HOUR).toISOString();
    const res = await request(api.url)
      .get('/api/cameras/health-trend')
      .query({ from, to, bucket: 'hour', region: township })
      .set('authorization', `Bearer ${(await api.login('analyst')).accessToken}`)
      .expect(200);
    const body = res.body as CameraHealthTrendResponse;
    expect(body.points).toEqual([
      { bucket: new Date(hourStart - 2 * HOUR).toISOString(), reports: 4, onlineShare: 0.75 },
      { bucket: new Date(hourStart - HOUR).toISOString(), reports: 2, onlineShare: 0.5 },
      { bucket: new Date(hourStart).toISOString(), reports: 2, onlineShare: 1 },
    ]);
    // The whole hours are in the rollup (on TimescaleDB a real-time aggregate, which has the open one too).
    const rolled = await api.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM camera_health_hourly WHERE township = $1 AND bucket < $2',
      [township, new Date(hourStart)],
    );
    expect(rolled.rows[0]?.n).toBe(2);
  });

  it('refuses a range over 400 days or backwards', async () => {
    const token = (await api.login('analyst')).accessToken;
    await request(api.url)
      .get('/api/cameras/health-trend')
      .query({ from: '2026-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' })
      .set('authorization', `Bearer ${token}`)
      .expect(400);
  });
});
