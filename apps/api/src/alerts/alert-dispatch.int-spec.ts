import request from 'supertest';
import { type Alert, type ApiErrorBody, type TransitionResponse } from '@fengqiao/contracts';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';

// The dispatch route once took any text as its unit ('巴州派出所', a unit of another township): the
// alert's history then named a unit that does not exist for its place.
describe('dispatching an alert to a unit of its own place (real PostgreSQL and Kafka)', () => {
  let api: ApiHarness;
  let officer: string;

  beforeAll(async () => {
    api = await startApi();
    officer = (await api.login('duty-officer')).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  const post = (alertId: string, action: string, body: object): request.Test =>
    request(api.url)
      .post(`/api/alerts/${alertId}/${action}`)
      .set('authorization', `Bearer ${officer}`)
      .send(body);

  /** An acknowledged alert of 511902001 (巴州区), at version 2. */
  async function acknowledged(region: Alert['region'] = { county: '511902', township: '511902001' }) {
    const alert = anAlert({ region }, 'orange');
    await storeRaisedAlert(api.pool, alert);
    await post(alert.alertId, 'acknowledge', { version: 1 }).expect(200);
    return alert;
  }

  const changesOf = async (alertId: string): Promise<string[]> =>
    (
      await api.pool.query<{ change: string }>(
        'SELECT change FROM alert_changes WHERE alert_id = $1 ORDER BY seq',
        [alertId],
      )
    ).rows.map((r) => r.change);

  it.each([
    ['free text', '巴州派出所'],
    ['a unit of another township', 'grid-management@511902002'],
    ['a unit of another county', 'center@511921'],
    ['the unnamed departments', 'department@511902'],
    ['a county unit asked of the township', 'petition-reception@511902001'],
  ])('refuses %s with 422 DISPATCH_UNIT_UNKNOWN and records nothing', async (_title, unit) => {
    const alert = await acknowledged();
    const res = await post(alert.alertId, 'dispatch', { version: 2, unit }).expect(422);
    const body = res.body as ApiErrorBody;
    expect(body.code).toBe('DISPATCH_UNIT_UNKNOWN');
    expect(body.message).toContain(unit);
    expect(await changesOf(alert.alertId)).toEqual(['raised', 'acknowledged']);
  });

  it.each([
    ['its township’s grid', 'grid-management@511902001'],
    ['its county’s petition reception', 'petition-reception@511902'],
  ])('dispatches to %s and keeps the unit in the history', async (_title, unit) => {
    const alert = await acknowledged();
    const res = (await post(alert.alertId, 'dispatch', { version: 2, unit }).expect(200))
      .body as TransitionResponse;
    expect(res.alert).toMatchObject({ state: 'dispatched', version: 3 });
    const { rows } = await api.pool.query<{ note: string }>(
      "SELECT note FROM alert_changes WHERE alert_id = $1 AND change = 'dispatched'",
      [alert.alertId],
    );
    expect(rows).toEqual([{ note: `unit ${unit}` }]);
  });

  it('offers a county-wide alert only its county’s units', async () => {
    const alert = await acknowledged({ county: '511902' });
    const refused = await post(alert.alertId, 'dispatch', { version: 2, unit: 'center@511902001' }).expect(
      422,
    );
    expect((refused.body as ApiErrorBody).code).toBe('DISPATCH_UNIT_UNKNOWN');
    await post(alert.alertId, 'dispatch', { version: 2, unit: 'center@511902' }).expect(200);
  });

  it('answers a unit on a raised alert with the state refusal first (409), as before', async () => {
    const alert = anAlert({}, 'orange');
    await storeRaisedAlert(api.pool, alert);
    const res = await post(alert.alertId, 'dispatch', { version: 1, unit: '巴州派出所' }).expect(409);
    expect((res.body as ApiErrorBody).code).toBe('ALERT_INVALID_TRANSITION');
  });
});
