import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type ApiErrorBody, type PlayGrantResponse } from '@fengqiao/contracts';
import { verifyPlayToken } from '@fengqiao/media-tokens';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';

// Unique per run: the API tests share one database.
const suffix = String(Date.now()).slice(-6);
const BAZHOU_CAMERA = `5119020101131800${suffix.slice(-4)}`;
const ENYANG_CAMERA = `5119030101131800${suffix.slice(-4)}`;

describe('POST /api/video/cameras/:cameraId/play: short-lived play tokens, audited', () => {
  let api: ApiHarness;
  const play = (cameraId: string, token: string, body: object): request.Test =>
    request(api.url)
      .post(`/api/video/cameras/${cameraId}/play`)
      .set('authorization', `Bearer ${token}`)
      .send(body);

  beforeAll(async () => {
    api = await startApi();
    for (const [id, county] of [
      [BAZHOU_CAMERA, '511902'],
      [ENYANG_CAMERA, '511903'],
    ] as const) {
      await api.pool.query(
        `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
         VALUES ($1, $2, 'square', $3, $3 || '001', 106.7, 31.8, 'police', 'cam-' || $1, now()) ON CONFLICT DO NOTHING`,
        [id, `测试广场-${id.slice(-4)}`, county],
      );
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  it('grants the wall a token bound to user, camera and a near expiry, with stream URLs', async () => {
    const { accessToken } = await api.login('wall');
    const res = await play(BAZHOU_CAMERA, accessToken, { reason: 'patrol' }).expect(201);
    const grant = res.body as PlayGrantResponse;
    expect(grant).toMatchObject({ cameraId: BAZHOU_CAMERA, county: '511902', township: '511902001' });
    const verdict = verifyPlayToken(api.config.media.secret, grant.token, BAZHOU_CAMERA, Date.now() / 1000);
    expect(verdict.ok).toBe(true);
    const ttl = (Date.parse(grant.expiresAt) - Date.now()) / 1000;
    expect(ttl).toBeGreaterThan(500);
    expect(ttl).toBeLessThanOrEqual(600);
    expect(grant.hlsUrl).toMatch(new RegExp(`/hls/${BAZHOU_CAMERA}/index\\.m3u8\\?token=`));
    expect(verifyPlayToken(api.config.media.secret, grant.token, ENYANG_CAMERA, Date.now() / 1000)).toEqual({
      ok: false,
      reason: 'WRONG_CAMERA',
    });
  });

  it('audits every play with who, which camera and why', async () => {
    const { accessToken } = await api.login('duty-officer');
    await play(ENYANG_CAMERA, accessToken, { reason: 'patrol' }).expect(201);
    const rows = await api.pool.query<{ actor_role: string; target_id: string; detail: { reason: string } }>(
      `SELECT actor_role, target_id, detail FROM audit_log WHERE action = 'video.play' AND target_id = $1`,
      [ENYANG_CAMERA],
    );
    expect(rows.rows).toEqual([
      { actor_role: 'duty-officer', target_id: ENYANG_CAMERA, detail: { reason: 'patrol' } },
    ]);
  });

  it('records the alert a play was for', async () => {
    const { accessToken } = await api.login('duty-officer');
    const alert = anAlert();
    await storeRaisedAlert(api.pool, alert);
    await play(BAZHOU_CAMERA, accessToken, { reason: 'alert', alertId: alert.alertId }).expect(201);
    const rows = await api.pool.query<{ detail: object }>(
      `SELECT detail FROM audit_log WHERE action = 'video.play' AND target_id = $1 AND actor_role = 'duty-officer'`,
      [BAZHOU_CAMERA],
    );
    expect(rows.rows).toEqual([{ detail: { reason: 'alert', alertId: alert.alertId } }]);
  });

  it.each([
    [
      'an unknown camera',
      () => `511902010113189${suffix.slice(-5)}`,
      'wall',
      { reason: 'patrol' },
      404,
      'NOT_FOUND',
    ],
    [
      'an alert that does not exist',
      () => BAZHOU_CAMERA,
      'wall',
      { reason: 'alert', alertId: randomUUID() },
      404,
      'NOT_FOUND',
    ],
    [
      'an alert reason without its alert',
      () => BAZHOU_CAMERA,
      'wall',
      { reason: 'alert' },
      400,
      'VALIDATION_FAILED',
    ],
    ['no reason', () => BAZHOU_CAMERA, 'wall', {}, 400, 'VALIDATION_FAILED'],
    [
      'a camera outside the officer’s county',
      () => ENYANG_CAMERA,
      'officer-bazhou',
      { reason: 'patrol' },
      403,
      'OUT_OF_SCOPE',
    ],
    ['an analyst', () => BAZHOU_CAMERA, 'analyst', { reason: 'patrol' }, 403, 'FORBIDDEN'],
  ] as const)('refuses %s', async (_title, camera, role, body, status, code) => {
    const { accessToken } = await api.login(role);
    const res = await play(camera(), accessToken, body).expect(status);
    expect((res.body as ApiErrorBody).code).toBe(code);
  });

  it('lets the county officer watch a camera of the county', async () => {
    const { accessToken } = await api.login('officer-bazhou');
    await play(BAZHOU_CAMERA, accessToken, { reason: 'patrol' }).expect(201);
  });
});
