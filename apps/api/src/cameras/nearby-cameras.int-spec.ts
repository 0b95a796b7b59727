import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { type NearestCamerasResponse } from '@fengqiao/contracts';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';

/** A spot of this run's own in the empty north-east of the city, so other suites' cameras stay away. */
const HOME = { lon: 107.6 + randomInt(0, 1000) / 10_000, lat: 32.6 + randomInt(0, 1000) / 10_000 };
const METRE_LAT = 1 / 111_195;

describe('cameras nearest to a point or an alert (real PostgreSQL)', () => {
  let api: ApiHarness;
  let wall: string;
  const ids: string[] = [];

  async function camera(
    northM: number,
    state: 'streaming' | 'online' | 'offline' | 'unknown',
  ): Promise<string> {
    const id = `511921${String(randomInt(0, 1e9)).padStart(9, '0')}${String(ids.length).padStart(5, '0')}`;
    ids.push(id);
    await api.pool.query(
      `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
       VALUES ($1, $2, 'square', '511921', '511921001', $3, $4, 'test', $1, now())`,
      [id, `测试 ${northM} m`, HOME.lon, HOME.lat + northM * METRE_LAT],
    );
    if (state === 'unknown') return id;
    const online = state !== 'offline';
    await api.pool.query(
      `INSERT INTO camera_state (camera_id, online, changed_at, seen_at) VALUES ($1, $2, now(), now())`,
      [id, online],
    );
    // The media service's report (frames seen: age 0) makes a camera streaming; the network's does not.
    await api.pool.query(
      `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, last_frame_age_ms)
       VALUES ($1, now() - interval '5 seconds', $2, $3, $4)`,
      [randomUUID(), id, online, state === 'streaming' ? 0 : 120],
    );
    return id;
  }

  beforeAll(async () => {
    api = await startApi();
    wall = (await api.login('wall')).accessToken;
    for (const [m, s] of [
      [400, 'online'],
      [100, 'streaming'],
      [250, 'offline'],
      [900, 'unknown'],
      [5000, 'online'],
    ] as const)
      await camera(m, s);
  });
  afterAll(async () => {
    await api.pool.query('DELETE FROM camera_state WHERE camera_id = ANY($1)', [ids]);
    await api.pool.query('DELETE FROM cameras WHERE camera_id = ANY($1)', [ids]);
    await api.close();
  });

  const get = (path: string): Promise<NearestCamerasResponse> =>
    request(api.url)
      .get(`/api/${path}`)
      .set('authorization', `Bearer ${wall}`)
      .expect(200)
      .then((r) => r.body as NearestCamerasResponse);

  it('answers nearest first within the radius, each with its distance and stream state', async () => {
    const res = await get(`cameras/nearest?lat=${HOME.lat}&lon=${HOME.lon}&k=10&radiusM=1000`);
    expect(res.origin).toEqual({ ...HOME, source: 'point' });
    expect(res.items.map((c) => [c.cameraId, c.streamState])).toEqual([
      [ids[1], 'streaming'],
      [ids[2], 'offline'],
      [ids[0], 'online'],
      [ids[3], 'unknown'],
    ]);
    const distances = res.items.map((c) => c.distanceM);
    expect(distances[0]).toBeGreaterThanOrEqual(99);
    expect(distances[0]).toBeLessThanOrEqual(101);
    expect(distances[3]).toBeGreaterThanOrEqual(898);
    expect(distances[3]).toBeLessThanOrEqual(902);
  });

  it('takes k', async () => {
    const res = await get(`cameras/nearest?lat=${HOME.lat}&lon=${HOME.lon}&k=2&radiusM=10000`);
    expect(res.items.map((c) => c.cameraId)).toEqual([ids[1], ids[2]]);
  });

  it('searches around an alert’s location, and around its region’s centre when it has none', async () => {
    const located = anAlert({ location: HOME, region: { county: '511921', township: '511921001' } }, 'red');
    await storeRaisedAlert(api.pool, located);
    const res = await get(`alerts/${located.alertId}/cameras?k=3&radiusM=1000`);
    expect(res.origin.source).toBe('alert-location');
    expect(res.items[0]?.cameraId).toBe(ids[1]);
    const placeless = anAlert({ region: { county: '511921' } }, 'red');
    await storeRaisedAlert(api.pool, placeless);
    const fallback = await get(`alerts/${placeless.alertId}/cameras?k=1&radiusM=50000`);
    expect(fallback.origin.source).toBe('region-centroid');
  });

  it('hides an alert outside a scoped caller’s regions, and refuses bad input', async () => {
    const alert = anAlert({ region: { county: '511921', township: '511921001' } });
    await storeRaisedAlert(api.pool, alert);
    const bazhou = (await api.login('officer-bazhou')).accessToken;
    await request(api.url)
      .get(`/api/alerts/${alert.alertId}/cameras`)
      .set('authorization', `Bearer ${bazhou}`)
      .expect(404);
    await request(api.url)
      .get('/api/cameras/nearest?lat=10&lon=107')
      .set('authorization', `Bearer ${wall}`)
      .expect(400);
  });
});
