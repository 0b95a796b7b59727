import request from 'supertest';
import {
  type CaseEvent,
  type CaseListResponse,
  type KpiSnapshot,
  type RuleSetDetail,
  type RuleSetInput,
  type RuleSetListResponse,
} from '@fengqiao/contracts';
import {
  buildCameraDirectory,
  createEngineContext,
  createEngineState,
  DEFAULT_RULE_SET,
  step,
  type EngineState,
} from '@fengqiao/rules';
import {
  type CaseStepAt,
  caseEventOf,
  type ClockedApi,
  claimTownship,
  startClockedApi,
  storeCase,
} from './kpi-fixtures';

// One promise, three readers: the cases list (the `cases` projection), the KPI tiles (the facts
// view) and the warning rules (the engine) judge a case by the same deadline rule of the active
// set. A major dispute is kept when a leader takes charge (major-leader-24h v2): a department
// assignment does not keep it. The projection used to stop the clock on `assigned` ("met" in the
// list while the alerts and the tiles waited for a leader).

/** Wednesday 2026-11-25 14:00 Beijing time; no holiday that week. */
const NOW = new Date('2026-11-25T14:00:00+08:00');
const at = (local: string): string => `2026-11-${local}+08:00`;
const TRIAGED = at('24T10:00:00');
const DUE = new Date(Date.parse(TRIAGED) + 24 * 3_600_000).toISOString();

/** What the engine holds for the case's major-leader-24h deadline after its events and a tick at NOW. */
function engineVerdict(events: readonly CaseEvent[]): { colour: string; state: string } | undefined {
  const ctx = createEngineContext({ ruleSet: DEFAULT_RULE_SET, directory: buildCameraDirectory([]) });
  let state: EngineState = createEngineState();
  for (const event of events)
    state = step(ctx, state, { kind: 'case', event }, Date.parse(event.occurredAt)).state;
  state = step(ctx, state, { kind: 'tick' }, NOW.getTime()).state;
  const alert = [...state.book.byId.values()].find((e) => e.alert.ruleId === 'major-leader-24h')?.alert;
  return alert === undefined ? undefined : { colour: alert.colour, state: alert.state };
}

describe('the cases list, the KPI tiles and the alerts agree on a major dispute (real PostgreSQL)', () => {
  let api: ClockedApi;

  beforeAll(async () => {
    api = await startClockedApi(NOW);
  });
  afterAll(async () => {
    await api.close();
  });

  const get = <T>(path: string): Promise<T> =>
    request(api.url)
      .get(`/api/${path}`)
      .set('authorization', `Bearer ${api.token('duty-officer')}`)
      .expect(200)
      .then((r) => r.body as T);

  it.each([
    [
      'assigned to a department, no leader: breached in the list, not kept in the tiles, red in the alerts',
      [{ type: 'assigned', at: at('24T12:00:00') }],
      { clock: 'breached', kpi: { onTime: 0, due: 1 }, engine: { colour: 'red', state: 'raised' } },
    ],
    [
      'a leader took charge within 24 h: met in the list, kept in the tiles, no alert left open',
      [
        { type: 'assigned', at: at('24T12:00:00') },
        { type: 'leader-assigned', at: at('24T20:00:00') },
      ],
      { clock: 'met', kpi: { onTime: 1, due: 1 }, engine: undefined },
    ],
  ] as const)('%s', async (_title, after, expected) => {
    // A township of its own per case, so the tiles count this case alone.
    const township = await claimTownship(api.pool);
    const caseId = `C${township.slice(0, 6)}-20261124-${township.slice(6)}01`;
    const steps: CaseStepAt[] = [
      { type: 'reported', at: at('24T09:00:00'), dueAt: at('25T00:00:00') },
      { type: 'triaged', at: TRIAGED, tier: 'major', dueAt: DUE },
      ...after,
    ];
    await storeCase(api.pool, township, steps, caseId);

    const list = await get<CaseListResponse>(`cases?region=${township}`);
    const kpi = await get<KpiSnapshot>(`kpis?region=${township}`);
    const engine = engineVerdict(steps.map((s) => caseEventOf(caseId, township, s)));

    expect(list.items.find((c) => c.caseId === caseId)?.clock.status).toBe(expected.clock);
    expect(kpi.onTimeByTier.rows.find((r) => r.tier === 'major')).toMatchObject(expected.kpi);
    expect(engine).toEqual(expected.engine);
  });

  it('the clocks the projection reads and the KPI tiles follow the activated version right after the activation', async () => {
    type ClockRow = { v: number | null; unit: string; count: number };
    const clockOf = async (clock: string): Promise<ClockRow | undefined> =>
      (
        await api.pool.query<ClockRow>(
          'SELECT rule_set_version AS v, due_unit AS unit, due_count AS count FROM case_clock_rules WHERE clock = $1',
          [clock],
        )
      ).rows[0];
    const send = (path: string, role: 'analyst' | 'admin', body: object = {}): request.Test =>
      request(api.url)
        .post(`/api/${path}`)
        .set('authorization', `Bearer ${api.token(role)}`)
        .send(body);
    const read = async <T>(path: string): Promise<T> =>
      (
        await request(api.url)
          .get(`/api/${path}`)
          .set('authorization', `Bearer ${api.token('analyst')}`)
          .expect(200)
      ).body as T;
    const list = await read<RuleSetListResponse>('rules');
    const before = list.items.find((v) => v.status === 'active')?.version;
    if (before === undefined) throw new Error('no active rule set');
    const body = structuredClone(
      (await read<RuleSetDetail>(`rules/${before}`)).body,
    ) as unknown as RuleSetInput;
    const rule = body.rules.find((r) => r.kind === 'deadline' && r.tier === 'general');
    if (rule?.kind !== 'deadline') throw new Error('no deadline rule for the general tier');
    rule.version += 1;
    rule.due = { unit: 'hours', count: 7 };
    const proposed = await send('rules', 'analyst', { body, comment: 'general: 7 hours' }).expect(201);
    const next = (proposed.body as RuleSetDetail).version;
    // A general case resolved 10 hours after triage, due under either set by NOW: on time under the
    // active set, late under 7 hours.
    const township = await claimTownship(api.pool);
    await storeCase(api.pool, township, [
      { type: 'reported', at: at('10T09:00:00') },
      { type: 'triaged', at: at('10T10:00:00'), tier: 'general' },
      { type: 'resolved', at: at('10T20:00:00') },
    ]);
    const generalTile = async (): Promise<unknown> =>
      (await get<KpiSnapshot>(`kpis?region=${township}`)).onTimeByTier.rows.find((r) => r.tier === 'general');
    expect(await generalTile()).toMatchObject({ onTime: 1, due: 1 });
    try {
      await send(`rules/${next}/activate`, 'admin').expect(200);
      // No poll in between: the activation's own transaction rewrote them.
      expect(await clockOf('general')).toEqual({ v: next, unit: 'hours', count: 7 });
      expect((await clockOf('routing'))?.v).toBe(next);
      // The API's clock is fixed: no time-to-live elapses, the tiles see the activation itself.
      expect(await generalTile()).toMatchObject({ onTime: 0, due: 1 });
    } finally {
      await send(`rules/${before}/activate`, 'admin').expect(200);
    }
    expect((await clockOf('general'))?.v).toBe(before);
    expect(await clockOf('general')).not.toEqual({ v: before, unit: 'hours', count: 7 });
    expect(await generalTile()).toMatchObject({ onTime: 1, due: 1 });
  });
});
