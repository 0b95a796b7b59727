import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  type ApiErrorBody,
  type CreatedDeviceToken,
  type DeviceTokenInfo,
  type DeviceTokenListResponse,
  type TokenPair,
} from '@fengqiao/contracts';
import { type ApiHarness, startApi } from '../testing/api-harness';

describe('kiosk login by device token (real PostgreSQL)', () => {
  let api: ApiHarness;
  let admin: string;
  let username: string;

  beforeAll(async () => {
    api = await startApi({ loginLimitPerMinute: 1000 });
    admin = (await api.login('admin')).accessToken;
    // A wall of its own, scoped to 通江县, so the scope the token carries is visible.
    username = `wall-${randomUUID().slice(0, 8)}`;
    await api.pool.query(
      `INSERT INTO users (user_id, username, display_name, role, regions, password_hash)
       VALUES ($1, $2, '通江县大屏', 'wall', '{511921}', 'unusable')`,
      [randomUUID(), username],
    );
  });
  afterAll(async () => {
    await api.close();
  });

  const create = (body: object, token = admin): request.Test =>
    request(api.url).post('/api/auth/device-tokens').set('authorization', `Bearer ${token}`).send(body);
  const exchange = (deviceToken: string): request.Test =>
    request(api.url).post('/api/auth/device').send({ deviceToken });

  it('issues a token once, stores only its digest, and exchanges it for a wall session in its scope', async () => {
    const created = (await create({ username, label: '通江指挥大厅' }).expect(201))
      .body as CreatedDeviceToken;
    expect(created.deviceToken).toMatch(/^fqd_/);
    expect(created.info).toMatchObject({ username, regions: ['511921'], revokedAt: null, lastUsedAt: null });
    const stored = await api.pool.query<{ token_hash: string }>(
      'SELECT token_hash FROM device_tokens WHERE token_id = $1',
      [created.info.tokenId],
    );
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(created.deviceToken.slice(4));

    const pair = (await exchange(created.deviceToken).expect(200)).body as TokenPair;
    expect(pair.user).toMatchObject({ username, role: 'wall', regions: ['511921'] });
    await request(api.url).get('/api/auth/me').set('authorization', `Bearer ${pair.accessToken}`).expect(200);
    const list = (
      await request(api.url)
        .get('/api/auth/device-tokens')
        .set('authorization', `Bearer ${admin}`)
        .expect(200)
    ).body as DeviceTokenListResponse;
    const listed = list.items.find((i) => i.tokenId === created.info.tokenId);
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(created.deviceToken);
  });

  it('revokes: the token stops working and the sessions it started cannot refresh', async () => {
    const created = (await create({ username, label: '临时' }).expect(201)).body as CreatedDeviceToken;
    const pair = (await exchange(created.deviceToken).expect(200)).body as TokenPair;
    const revoked = (
      await request(api.url)
        .post(`/api/auth/device-tokens/${created.info.tokenId}/revoke`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200)
    ).body as DeviceTokenInfo;
    expect(revoked.revokedAt).not.toBeNull();
    const refused = await exchange(created.deviceToken).expect(401);
    expect((refused.body as ApiErrorBody).code).toBe('INVALID_CREDENTIALS');
    await request(api.url).post('/api/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(401);
    const audit = await api.pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'device-token' AND target_id = $1 ORDER BY seq`,
      [created.info.tokenId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['device-token.created', 'device-token.revoked']);
  });

  it.each([
    ['a user who is not a wall', { username: 'analyst', label: 'x' }, 400],
    ['an unknown user', { username: 'nobody-here', label: 'x' }, 400],
    ['a missing label', { username: 'wall' }, 400],
  ])('refuses to bind to %s', async (_title, body, status) => {
    await create(body).expect(status);
  });

  it('answers an unknown or malformed device token like a wrong password or a bad body', async () => {
    const unknown = await exchange(`fqd_${'A'.repeat(43)}`).expect(401);
    expect((unknown.body as ApiErrorBody).code).toBe('INVALID_CREDENTIALS');
    await exchange('not-a-token').expect(400);
  });

  it('lets an expired token in no more', async () => {
    const created = (await create({ username, label: '过期', expiresInDays: 1 }).expect(201))
      .body as CreatedDeviceToken;
    await api.pool.query(
      `UPDATE device_tokens SET expires_at = now() - interval '1 minute' WHERE token_id = $1`,
      [created.info.tokenId],
    );
    await exchange(created.deviceToken).expect(401);
  });
});
