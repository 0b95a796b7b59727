import request from 'supertest';
import { type Kafka } from 'kafkajs';
import {
  INPUT_TOPICS,
  type ApiErrorBody,
  type CaseDetail,
  type CaseEvent,
  type CaseIntakeRequest,
  type CaseIntakeResponse,
  type CaseListResponse,
  type DuplicateCandidates,
  type RoutingSuggestion,
} from '@fengqiao/contracts';
import { caseDueTimesOf } from '@fengqiao/domain';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { type RunningProcess, testConfig, uniqueName } from '@fengqiao/testing';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { withCasesTopic } from './case-topic';
import { startWarning, type WarningProcess } from '../testing/warning-process';
import { eventually, readEventIds, startIngestProcess } from './cases-int-services';

// A case entered through the API goes the whole way on the real stack: routed, produced to Kafka,
// stored by the real ingest (the `cases` projection follows by trigger), listed with its deadline,
// moved along its lifecycle; and an overdue case raises the deadline alert in the real warning service.
const suffix = uniqueName('cases');
const caseTopic = `${INPUT_TOPICS.caseEvents.name}.${suffix}`;
const TOWNSHIP = `5119020${String(10 + Math.floor(Math.random() * 89))}`;
const DAY = 86_400_000;
const DUE = caseDueTimesOf(DEFAULT_RULE_SET);

let api: ApiHarness;
let kafka: Kafka;
let ingest: RunningProcess;
let warning: WarningProcess;
const token: Record<string, string> = {};

const get = (path: string, who: string): request.Test =>
  request(api.url).get(`/api/${path}`).set('authorization', `Bearer ${token[who]}`);
const post = (path: string, who: string, body: object): request.Test =>
  request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token[who]}`).send(body);

const housingCase: CaseIntakeRequest = {
  channel: 'window',
  region: { county: '511902', township: TOWNSHIP },
  category: 'property-housing',
  summary: '开发商逾期交房，一直未办理产权证',
  parties: [{ name: '罗明', phone: '13800001234', idNumber: '511902198001010011' }],
  riskFlags: {},
};

async function caseRow(caseId: string, state: string) {
  const { rows } = await api.pool.query<{
    state: string;
    tier: string;
    due_at: Date | null;
    leader: string | null;
  }>('SELECT state, tier, due_at, leader FROM cases WHERE case_id = $1', [caseId]);
  return rows[0]?.state === state ? rows[0] : undefined;
}

beforeAll(async () => {
  const config = testConfig();
  ingest = await startIngestProcess(config, suffix, { ...process.env });
  warning = await startWarning(config, suffix, { ...process.env });
  api = await startApi(withCasesTopic(caseTopic));
  kafka = createKafkaClient({ brokers: api.config.kafka.brokers, clientId: suffix, log: () => undefined });
  for (const who of ['intake-clerk', 'duty-officer', 'wall', 'officer-bazhou'] as const) {
    token[who] = (await api.login(who)).accessToken;
  }
}, 120_000);

afterAll(async () => {
  await api?.close();
  await warning?.stop();
  await ingest?.stop();
});

describe('cases on the real stack', () => {
  let first: CaseIntakeResponse;

  it('suggests routing and re-runs it when category or location change', async () => {
    const q = `category=property-housing&county=511902&township=${TOWNSHIP}`;
    const housing = (await get(`cases/routing?${q}`, 'intake-clerk').expect(200)).body as RoutingSuggestion;
    expect(housing).toMatchObject({
      ruleId: 'property-housing',
      routing: { tier: 'general', department: '住房和城乡建设局' },
    });
    const wages = (
      await get(
        'cases/routing?category=labour-wages&county=511921&township=511921003',
        'intake-clerk',
      ).expect(200)
    ).body as RoutingSuggestion;
    expect(wages.ruleId).toBe('tongjiang-wages');
  });

  it('routes a case entered through the API; its events reach Kafka and the database', async () => {
    first = (await post('cases', 'intake-clerk', housingCase).expect(202)).body as CaseIntakeResponse;
    expect(first.caseId).toMatch(/^C511902-\d{8}-\d{5}$/);
    expect(first).toMatchObject({ overridden: false, routing: { tier: 'general', unit: 'department' } });
    const ids = [first.eventIds.reported, first.eventIds.triaged];
    const onKafka = await readEventIds(kafka, caseTopic, ids);
    expect(ids.every((id) => onKafka.has(id))).toBe(true);
    const row = await eventually(() => caseRow(first.caseId, 'triaged'), 'the case projected');
    expect(row.tier).toBe('general');
    const parties = await api.pool.query<{ name: string; party_key: string }>(
      'SELECT name, party_key FROM case_parties WHERE case_id = $1',
      [first.caseId],
    );
    expect(parties.rows.map((p) => p.name)).toEqual(['罗明']);
    expect(parties.rows[0]?.party_key).toMatch(/^[0-9a-f]{64}$/);
    const stored = await api.pool.query<{ payload: CaseEvent }>(
      "SELECT payload FROM case_events WHERE case_id = $1 AND type = 'triaged'",
      [first.caseId],
    );
    const triaged = stored.rows[0]?.payload as Extract<CaseEvent, { type: 'triaged' }>;
    // The deadline: 5 working days on the calendar, from the triage.
    expect(triaged.dueAt).toBe(new Date(DUE.tier('general', Date.parse(triaged.occurredAt))).toISOString());
    expect(row.due_at?.toISOString()).toBe(triaged.dueAt);
    const list = (await get(`cases?text=${first.caseId}`, 'wall').expect(200)).body as CaseListResponse;
    expect(list.items[0]?.clock).toMatchObject({ kind: 'tier', dueAt: triaged.dueAt, status: 'on-track' });
    expect(list.items[0]?.clock.timeLeftMs).toBeGreaterThan(0);
  });

  it('offers the earlier case as a repeat visit when the same party comes back to the same place', async () => {
    const same = { region: housingCase.region, parties: [{ name: '罗 明', phone: '+86-138-0000-1234' }] };
    const found = (await post('cases/duplicates', 'intake-clerk', same).expect(200))
      .body as DuplicateCandidates;
    expect(found.items).toEqual([expect.objectContaining({ caseId: first.caseId, matchedParties: 1 })]);
    const elsewhere = { ...same, region: { county: '511902', township: '511902099' } };
    expect(
      ((await post('cases/duplicates', 'intake-clerk', elsewhere).expect(200)).body as DuplicateCandidates)
        .items,
    ).toEqual([]);
    const again = (
      await post('cases', 'intake-clerk', { ...housingCase, repeatOf: first.caseId }).expect(202)
    ).body as CaseIntakeResponse;
    expect(again.duplicates.map((d) => d.caseId)).toContain(first.caseId);
  });

  it('moves the case along its lifecycle, one event per command, and refuses what does not fit', async () => {
    const id = first.caseId;
    const step = async (path: string, body: object, state: string) => {
      await post(`cases/${id}/${path}`, 'duty-officer', body).expect(202);
      return eventually(() => caseRow(id, state), `state ${state}`);
    };
    const override = {
      routing: { tier: 'complex', department: '法院诉讼服务中心', unit: 'litigation-service' },
      overrideReason: '涉及多户业主',
    };
    await post(`cases/${id}/triage`, 'duty-officer', { routing: override.routing }).expect(400);
    await step('triage', override, 'triaged');
    expect(
      (
        await eventually(async () => {
          const r = await caseRow(id, 'triaged');
          return r?.tier === 'complex' ? r : undefined;
        }, 'the override')
      ).tier,
    ).toBe('complex');
    await step('assign', { department: '法院诉讼服务中心', assignee: '调解员李' }, 'assigned');
    await step('mediation', { mediator: '调解员李', joint: true }, 'in-mediation');
    await step('resolve', { outcome: 'mediated' }, 'resolved');
    await step('close', { satisfaction: 5 }, 'closed');
    const refused = await post(`cases/${id}/assign`, 'duty-officer', {
      department: 'x',
      assignee: 'y',
    }).expect(409);
    expect((refused.body as ApiErrorBody).code).toBe('CASE_INVALID_TRANSITION');
    expect((refused.body as ApiErrorBody).issues?.[0]?.path).toBe('state');
    await step('reopen', { reason: '业主对产权办理进度有异议' }, 'reopened');
    const detail = (await get(`cases/${id}`, 'wall').expect(200)).body as CaseDetail;
    expect(detail.timeline.map((e) => e.type)).toEqual([
      'reported',
      'triaged',
      'triaged',
      'assigned',
      'in-mediation',
      'resolved',
      'closed',
      'reopened',
    ]);
    expect(detail.timeline[1]?.actor).toMatchObject({ role: 'intake-clerk' });
    expect(detail.case.clock.kind).toBe('tier');
  });

  it('masks parties in the detail for every role: the GET has no reveal, and is not audited', async () => {
    const id = first.caseId;
    const masked = (await get(`cases/${id}`, 'wall').expect(200)).body as CaseDetail;
    expect(masked).toMatchObject({
      partiesView: 'masked',
      parties: [{ name: '罗某', phone: '138****1234' }],
    });
    expect(JSON.stringify(masked)).not.toContain('511902198001010011');
    // The old `?reveal=true` is no switch any more: an officer still gets the masked view, unaudited.
    const asked = (await get(`cases/${id}?reveal=true`, 'duty-officer').expect(200)).body as CaseDetail;
    expect(asked).toMatchObject({ partiesView: 'masked', parties: [{ name: '罗某', phone: '138****1234' }] });
    expect(JSON.stringify(asked)).not.toContain('13800001234');
    const audit = await api.pool.query(
      "SELECT 1 FROM audit_log WHERE target_type = 'case' AND target_id = $1 AND action = 'case.parties.viewed'",
      [id],
    );
    expect(audit.rowCount).toBe(0);
  });

  it('reveals the parties for a stated reason (POST), audited with that reason; the wall is refused', async () => {
    const id = first.caseId;
    await post(`cases/${id}/reveal`, 'wall', { reason: '核实当事人' }).expect(403);
    await post(`cases/${id}/reveal`, 'duty-officer', {}).expect(400);
    const full = (await post(`cases/${id}/reveal`, 'duty-officer', { reason: '电话回访当事人' }).expect(200))
      .body as CaseDetail;
    expect(full).toMatchObject({ partiesView: 'full', parties: [{ name: '罗明', phone: '13800001234' }] });
    // The one full view of this case is this POST: every audited view carries its reason.
    const audit = await api.pool.query<{ actor_role: string; reason: string | null }>(
      `SELECT actor_role, detail->>'reason' AS reason FROM audit_log
        WHERE target_type = 'case' AND target_id = $1 AND action = 'case.parties.viewed'`,
      [id],
    );
    expect(audit.rows).toEqual([{ actor_role: 'duty-officer', reason: '电话回访当事人' }]);
  });

  it('puts a leader in charge of a major dispute, and keeps a scoped officer out of other counties', async () => {
    const petition = {
      ...housingCase,
      region: { county: '511923', township: '511923005' },
      riskFlags: { groupPetition: true },
      partiesCount: 40,
    };
    const major = (await post('cases', 'intake-clerk', petition).expect(202)).body as CaseIntakeResponse;
    expect(major.routing).toMatchObject({ tier: 'major', unit: 'petition-reception' });
    await eventually(() => caseRow(major.caseId, 'triaged'), 'the major case');
    await post(`cases/${major.caseId}/leader`, 'duty-officer', {
      leader: '平昌县副县长',
      reason: '群体性纠纷，领导包案',
    }).expect(202);
    await eventually(async () => {
      const r = await caseRow(major.caseId, 'triaged');
      return r?.leader === '平昌县副县长' ? r : undefined;
    }, 'the leader');
    await get(`cases/${major.caseId}`, 'officer-bazhou').expect(404);
    const scoped = (await get(`cases?text=${major.caseId}`, 'officer-bazhou').expect(200))
      .body as CaseListResponse;
    expect(scoped.total).toBe(0);
  });

  it('lists an overdue case as breached, and the warning service raises its deadline alert', async () => {
    const caseId = `C511923-20261101-9${String(Math.floor(Math.random() * 9999)).padStart(4, '0')}`;
    const reportedMs = Date.now() - 12 * DAY;
    const base = {
      schema: 'case.event.v1',
      caseId,
      channel: 'hotline',
      region: { county: '511923', township: '511923005' },
    } as const;
    const events: CaseEvent[] = [
      {
        ...base,
        eventId: crypto.randomUUID(),
        occurredAt: new Date(reportedMs).toISOString(),
        type: 'reported',
        category: 'labour-wages',
        summary: '工地拖欠农民工工资',
        partiesCount: 3,
        riskFlags: { violenceRisk: false, extremeWords: false, groupPetition: false, repeatVisits: 0 },
        parties: [],
      },
      {
        ...base,
        eventId: crypto.randomUUID(),
        occurredAt: new Date(reportedMs + 60_000).toISOString(),
        type: 'triaged',
        category: 'labour-wages',
        tier: 'general',
        department: '人力资源和社会保障局',
        dueAt: new Date(DUE.tier('general', reportedMs + 60_000)).toISOString(),
      },
    ];
    const producer = new KafkaEventPublisher(kafka);
    await producer.connect();
    await producer.publish(
      caseTopic,
      events.map((e) => ({ key: caseId, value: JSON.stringify(e) })),
    );
    await producer.disconnect();
    const listed = await eventually(async () => {
      const body = (await get(`cases?clock=breached&text=${caseId}`, 'duty-officer').expect(200))
        .body as CaseListResponse;
      return body.items[0];
    }, 'the breached case in the list');
    expect(listed.clock.status).toBe('breached');
    expect(listed.clock.timeLeftMs).toBeLessThan(0);
    const alert = await eventually(
      async () => {
        const { rows } = await api.pool.query<{ colour: string; rule_id: string }>(
          "SELECT colour, rule_id FROM alerts WHERE rule_id = 'general-5-days' AND dedup_key LIKE $1",
          [`%${caseId}%`],
        );
        return rows[0];
      },
      'the deadline alert',
      60_000,
    );
    expect(alert.colour).toBe('red');
  });
});
