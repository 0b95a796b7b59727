import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { type CameraSearchResponse } from '@fengqiao/contracts';
import { type ApiHarness, startApi } from '../testing/api-harness';

/** This run's own 15-digit id prefix: a search by it sees only the cameras made here. */
const PREFIX = `511921${String(randomInt(0, 1e9)).padStart(9, '0')}`;

interface Report {
  readonly online: boolean;
  readonly source: 'media' | 'simulator' | null;
  readonly ageS: number;
  readonly frameAgeMs: number | null;
}

describe('camera registry search with stream state (real PostgreSQL)', () => {
  let api: ApiHarness;
  let wall: string;
  const ids: string[] = [];

  /** A registry camera, its latest state (none: never heard from) and the status reports about it. */
  async function camera(online: boolean | null, reports: readonly Report[]): Promise<string> {
    const id = `${PREFIX}${String(ids.length).padStart(5, '0')}`;
    ids.push(id);
    await api.pool.query(
      `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
       VALUES ($1, $1, 'road', '511921', '511921001', 107.1, 31.9, 'test', $1, now())`,
      [id],
    );
    if (online !== null)
      await api.pool.query(
        'INSERT INTO camera_state (camera_id, online, changed_at, seen_at) VALUES ($1, $2, now(), now())',
        [id, online],
      );
    for (const r of reports)
      await api.pool.query(
        `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, last_frame_age_ms, source)
         VALUES ($1, now() - make_interval(secs => $2), $3, $4, $5, $6)`,
        [randomUUID(), r.ageS, id, r.online, r.frameAgeMs, r.source],
      );
    return id;
  }

  const search = (query: string): Promise<CameraSearchResponse> =>
    request(api.url)
      .get(`/api/cameras?q=${PREFIX}&${query}`)
      .set('authorization', `Bearer ${wall}`)
      .expect(200)
      .then((r) => r.body as CameraSearchResponse);

  beforeAll(async () => {
    api = await startApi();
    wall = (await api.login('wall')).accessToken;
    const media = (online: boolean, ageS: number): Report => ({
      online,
      source: 'media',
      ageS,
      frameAgeMs: null,
    });
    await camera(true, [media(true, 10)]); // 0 streaming: the media service says so
    await camera(true, [{ online: true, source: 'simulator', ageS: 5, frameAgeMs: 0 }]); // 1 online: a simulated 0 ms is no stream
    await camera(true, [{ online: true, source: null, ageS: 20, frameAgeMs: 0 }]); // 2 streaming: a row from before `source`
    await camera(false, [media(true, 60), media(false, 30)]); // 3 offline: the stream ended
    await camera(true, [media(true, 600)]); // 4 online: the media report is too old
    await camera(null, []); // 5 unknown
  });
  afterAll(async () => {
    await api.pool.query('DELETE FROM camera_state WHERE camera_id = ANY($1)', [ids]);
    await api.pool.query('DELETE FROM cameras WHERE camera_id = ANY($1)', [ids]);
    await api.close();
  });

  it('gives each camera its stream state: the media service’s word for streaming, old rows read as before', async () => {
    const res = await search('limit=50');
    expect(res.items.map((c) => [c.cameraId, c.streamState])).toEqual([
      [ids[0], 'streaming'],
      [ids[1], 'online'],
      [ids[2], 'streaming'],
      [ids[3], 'offline'],
      [ids[4], 'online'],
      [ids[5], 'unknown'],
    ]);
  });

  it.each([
    ['streaming', [0, 2]],
    ['online', [1, 4]],
    ['offline', [3]],
    ['unknown', [5]],
  ] as const)('filters streamState=%s', async (state, expected) => {
    const res = await search(`streamState=${state}`);
    expect(res.items.map((c) => c.cameraId)).toEqual(expected.map((i) => ids[i]));
  });

  it('pages streaming cameras by id, and refuses an unknown state', async () => {
    const first = await search('streamState=streaming&limit=1');
    expect(first.items.map((c) => c.cameraId)).toEqual([ids[0]]);
    const second = await search(`streamState=streaming&limit=1&after=${first.nextAfter ?? ''}`);
    expect(second.items.map((c) => c.cameraId)).toEqual([ids[2]]);
    await request(api.url)
      .get('/api/cameras?streamState=playing')
      .set('authorization', `Bearer ${wall}`)
      .expect(400);
  });

  it('carries the prober’s last sample of a camera (视频质量诊断), none for a camera never sampled', async () => {
    const health = { verdict: 'black', sampleS: 5, fps: 25, bitrateKbps: 4.1, frozenS: 5, blackS: 5 };
    await api.pool.query('UPDATE camera_state SET health = $2, health_at = now() WHERE camera_id = $1', [
      ids[0],
      JSON.stringify(health),
    ]);
    const res = await search('limit=50');
    expect(res.items[0]?.health).toEqual({ ...health, at: expect.any(String) as string });
    expect(res.items[1]?.health).toBeUndefined();
  });
});
