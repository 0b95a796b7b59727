import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  INPUT_TOPICS,
  type ApiErrorBody,
  type CaseIntakeRequest,
  type CaseIntakeResponse,
} from '@fengqiao/contracts';
import { type RunningProcess, testConfig, uniqueName } from '@fengqiao/testing';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { withCasesTopic } from './case-topic';
import { eventually, startIngestProcess } from './cases-int-services';

// Issue 17 #10 and #11 on the real stack (API → Kafka → the real ingest → PostgreSQL):
// - what the API accepts (202) the ingest stores, and what the ingest would refuse the API refuses
//   first, with the same code (one validator, in the contracts);
// - an Idempotency-Key makes a retried intake answer the first case instead of making a second.
const suffix = uniqueName('intake-safety');
const caseTopic = `${INPUT_TOPICS.caseEvents.name}.${suffix}`;
const TOWNSHIP = `5119020${String(10 + Math.floor(Math.random() * 89))}`;

let api: ApiHarness;
let ingest: RunningProcess;
const token: Record<string, string> = {};

const intake = (who: string, body: object, key?: string): request.Test => {
  const req = request(api.url).post('/api/cases').set('authorization', `Bearer ${token[who]}`);
  return (key === undefined ? req : req.set('idempotency-key', key)).send(body);
};

const aCase = (summary: string): CaseIntakeRequest => ({
  channel: 'window',
  region: { county: '511902', township: TOWNSHIP },
  category: 'labour-wages',
  summary,
  parties: [{ name: '陈工', phone: '13800005678' }],
  riskFlags: {},
});

async function casesWithSummary(summary: string): Promise<string[]> {
  const { rows } = await api.pool.query<{ case_id: string }>(
    'SELECT case_id FROM cases WHERE summary = $1 ORDER BY case_id',
    [summary],
  );
  return rows.map((r) => r.case_id);
}

beforeAll(async () => {
  const config = testConfig();
  ingest = await startIngestProcess(config, suffix, { ...process.env });
  api = await startApi(withCasesTopic(caseTopic));
  for (const who of ['intake-clerk', 'admin'] as const) token[who] = (await api.login(who)).accessToken;
}, 120_000);

afterAll(async () => {
  await api?.close();
  await ingest?.stop();
});

describe('case intake: accepted means stored (issue 17 #11)', () => {
  it.each([
    ['bidi controls U+202E and U+202C', '工资\u202e拖欠\u202c三个月'],
    ['the control character U+0007', '工资拖欠\u0007三个月'],
  ])('refuses a summary with %s: 400 FORBIDDEN_CHARACTER naming the field, no case', async (_t, summary) => {
    const res = await intake('intake-clerk', aCase(summary)).expect(400);
    const body = res.body as ApiErrorBody;
    expect(body.code).toBe('FORBIDDEN_CHARACTER');
    expect(body.issues).toEqual([{ path: 'summary', message: expect.any(String) as string }]);
    expect(JSON.stringify(body)).not.toContain('工资');
  });

  it('accepts text that only reads like an escape, and the ingest stores that case', async () => {
    const summary = `欠薪 C:\\bin \\u0007 \\f ${randomUUID()}`;
    const res = (await intake('intake-clerk', aCase(summary)).expect(202)).body as CaseIntakeResponse;
    const stored = await eventually(async () => {
      const ids = await casesWithSummary(summary);
      return ids.length > 0 ? ids : undefined;
    }, 'the accepted case stored by the ingest');
    expect(stored).toEqual([res.caseId]);
  });
});

describe('case intake with an Idempotency-Key (issue 17 #10)', () => {
  it('answers a retry with the first case, and makes one case only', async () => {
    const summary = `重试的案件 ${randomUUID()}`;
    const key = randomUUID();
    const first = (await intake('intake-clerk', aCase(summary), key).expect(202)).body as CaseIntakeResponse;
    const retry = (await intake('intake-clerk', aCase(summary), key).expect(202)).body as CaseIntakeResponse;
    expect(retry).toEqual(first);
    await eventually(async () => ((await casesWithSummary(summary)).length > 0 ? true : undefined), 'stored');
    await new Promise((r) => setTimeout(r, 1500)); // a second case, were there one, would land by now
    expect(await casesWithSummary(summary)).toEqual([first.caseId]);
  });

  it('makes one case from concurrent retries with the same key', async () => {
    const summary = `并发重试 ${randomUUID()}`;
    const key = randomUUID();
    const answers = await Promise.all([1, 2, 3].map(() => intake('intake-clerk', aCase(summary), key)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    const ids = new Set(answers.map((a) => (a.body as CaseIntakeResponse).caseId));
    expect(ids.size).toBe(1);
  });

  it('refuses the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    await intake('intake-clerk', aCase(`第一件 ${randomUUID()}`), key).expect(202);
    const res = await intake('intake-clerk', aCase(`另一件 ${randomUUID()}`), key).expect(422);
    expect((res.body as ApiErrorBody).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('scopes keys per user, and without a key every request is a new case', async () => {
    const key = randomUUID();
    const summary = `两位用户 ${randomUUID()}`;
    const clerk = (await intake('intake-clerk', aCase(summary), key).expect(202)).body as CaseIntakeResponse;
    const admin = (await intake('admin', aCase(summary), key).expect(202)).body as CaseIntakeResponse;
    expect(admin.caseId).not.toBe(clerk.caseId);
    const plain = `无键 ${randomUUID()}`;
    const a = (await intake('intake-clerk', aCase(plain)).expect(202)).body as CaseIntakeResponse;
    const b = (await intake('intake-clerk', aCase(plain)).expect(202)).body as CaseIntakeResponse;
    expect(a.caseId).not.toBe(b.caseId);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const res = await intake('intake-clerk', aCase('坏的键'), 'x'.repeat(129)).expect(400);
    expect((res.body as ApiErrorBody).issues?.[0]?.path).toBe('(header) idempotency-key');
  });
});
