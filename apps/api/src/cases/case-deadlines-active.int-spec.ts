import request from 'supertest';
import { type Kafka } from 'kafkajs';
import {
  INPUT_TOPICS,
  type CaseEvent,
  type CaseIntakeRequest,
  type CaseIntakeResponse,
  type RuleSetDetail,
  type RuleSetInput,
  type RuleSetListResponse,
  type RoutingSuggestion,
} from '@fengqiao/contracts';
import { caseDueTimesOf } from '@fengqiao/domain';
import { createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { uniqueName } from '@fengqiao/testing';
import { type ApiHarness, deleteTopic, startApi } from '../testing/api-harness';
import { withCasesTopic } from './case-topic';

// Issue 19, one home for every rule: the API stamps a new case's `dueAt` from the ACTIVE rule set
// (the version the KPI tiles, the cases projection and the engine measure against), not from the
// default set compiled into the code. An administrator activates a version whose deadline for the
// case's tier is 7 hours; the case entered next carries that due time on its triaged event.
const suffix = uniqueName('case-deadlines');
const caseTopic = `${INPUT_TOPICS.caseEvents.name}.${suffix}`;
const TOWNSHIP = `5119020${String(10 + Math.floor(Math.random() * 89))}`;
const SEVEN_HOURS = { unit: 'hours', count: 7 } as const;

let api: ApiHarness;
let kafka: Kafka;
let activeBefore = 0;
const token: Record<string, string> = {};

const get = (path: string, who: string): request.Test =>
  request(api.url).get(`/api/${path}`).set('authorization', `Bearer ${token[who]}`);
const post = (path: string, who: string, body: object = {}): request.Test =>
  request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token[who]}`).send(body);

const housingCase: CaseIntakeRequest = {
  channel: 'window',
  region: { county: '511902', township: TOWNSHIP },
  category: 'property-housing',
  summary: '开发商逾期交房，一直未办理产权证',
  parties: [{ name: '罗明', phone: '13800001234', idNumber: '511902198001010011' }],
  riskFlags: {},
};

/** The events of one case as the API produced them to its (private) case topic. */
async function eventsOf(caseId: string, count: number): Promise<CaseEvent[]> {
  const found: CaseEvent[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('case-deadlines-reader') });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: caseTopic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value?.toString() ?? '{}') as CaseEvent;
        if (event.caseId === caseId) found.push(event);
        await Promise.resolve();
      },
    });
    const until = Date.now() + 30_000;
    while (found.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    return found;
  } finally {
    await consumer.disconnect();
  }
}

beforeAll(async () => {
  api = await startApi(withCasesTopic(caseTopic));
  kafka = createKafkaClient({ brokers: api.config.kafka.brokers, clientId: suffix, log: () => undefined });
  await ensureTopics(kafka, [{ name: caseTopic, partitions: 1, retentionMs: 3_600_000, compacted: false }]);
  for (const who of ['intake-clerk', 'analyst', 'admin'] as const)
    token[who] = (await api.login(who)).accessToken;
}, 90_000);

afterAll(async () => {
  // The run's other specs find the version that was active before.
  if (activeBefore > 0) await post(`rules/${activeBefore}/activate`, 'admin');
  await api?.close();
  await deleteTopic(api.config, caseTopic);
});

describe('case deadlines follow the active rule set', () => {
  it("a new case's dueAt is the activated version's deadline for its tier, not the default one", async () => {
    const list = (await get('rules', 'analyst').expect(200)).body as RuleSetListResponse;
    activeBefore = list.items.find((v) => v.status === 'active')?.version ?? 0;
    expect(activeBefore).toBeGreaterThan(0);
    const current = (await get(`rules/${activeBefore}`, 'analyst').expect(200)).body as RuleSetDetail;
    const before = structuredClone(current.body) as unknown as RuleSetInput;

    // The tier this case routes to, and a version that promises it within 7 hours instead.
    const query = `category=${housingCase.category}&county=511902&township=${TOWNSHIP}`;
    const suggested = (await get(`cases/routing?${query}`, 'intake-clerk').expect(200))
      .body as RoutingSuggestion;
    const tier = suggested.routing.tier;
    const body = structuredClone(before);
    const rule = body.rules.find((r) => r.kind === 'deadline' && r.tier === tier);
    if (rule?.kind !== 'deadline') throw new Error(`no deadline rule for tier ${tier}`);
    expect(rule.due).not.toEqual(SEVEN_HOURS);
    rule.version += 1;
    rule.due = SEVEN_HOURS;
    const proposed = await post('rules', 'analyst', { body, comment: `${tier}: within 7 hours` }).expect(201);
    const version = (proposed.body as RuleSetDetail).version;
    await post(`rules/${version}/activate`, 'admin').expect(200);

    const res = await post('cases', 'intake-clerk', housingCase).expect(202);
    const intake = res.body as CaseIntakeResponse;
    expect(intake.routing.tier).toBe(tier);
    const events = await eventsOf(intake.caseId, 2);
    const triaged = events.find((e) => e.type === 'triaged');
    if (triaged?.type !== 'triaged') throw new Error(`no triaged event for ${intake.caseId}`);
    const startMs = Date.parse(triaged.occurredAt);
    const activated = caseDueTimesOf(body).tier(tier, startMs);
    expect(triaged.dueAt).toBe(new Date(activated).toISOString());
    expect(Date.parse(triaged.dueAt ?? '')).not.toBe(caseDueTimesOf(before).tier(tier, startMs));
    // The suggestion shown on the intake form promises the same deadline.
    expect(Date.parse(intake.suggestion.tierDueAt ?? '')).toBe(caseDueTimesOf(body).tier(tier, startMs - 1));
  }, 90_000);
});
