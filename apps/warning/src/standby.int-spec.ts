import { join } from 'node:path';
import { type CaseEvent } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import {
  ManagedProcess,
  aCaseReported,
  freePort,
  pollUntil,
  testConfig,
  uniqueName,
} from '@fengqiao/testing';
import { aViolentCase, produceCases, storeAsIngest, violenceAlertOf } from './testing/case-fixtures';
import { warningTopics } from './warning-topics';

// Issue 17, fault 5: two warning instances used to split the engine state by partition (a
// township's window saw only the cases on one instance's partitions) and a survivor did not get
// the state of the partitions it took over. Now one instance leads and the other stands by
// (decision 0014): the standby takes the leader lock when the leader dies, rebuilds from the
// database and judges from the group's committed offsets. Two real processes, one SIGKILLed.
const config = testConfig();
const groupId = uniqueName('warning-standby');
const suffix = uniqueName('standby');
const topics = warningTopics(suffix);
const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: suffix });
const producer = new KafkaEventPublisher(kafka);
const SESSION_MS = 6000;
let pool: DbPool;
const instances: { proc: ManagedProcess; port: number }[] = [];

interface Health {
  components: { name: string; ok: boolean; detail: string }[];
}
const consumerDetail = async (port: number): Promise<string | undefined> => {
  const res = await fetch(`http://${config.host}:${port}/health`).catch(() => undefined);
  if (res === undefined) return undefined;
  const body = (await res.json()) as Health;
  return body.components.find((c) => c.name === 'consumer')?.detail;
};

async function instance(n: number): Promise<{ proc: ManagedProcess; port: number }> {
  const port = await freePort();
  const main = join(config.repoRoot, 'apps/warning/src/main.ts');
  const args = ['-r', '@swc-node/register', main, '--group', groupId, '--topic-suffix', suffix];
  args.push('--session-timeout-ms', String(SESSION_MS), '--health-port', String(port));
  const proc = new ManagedProcess({
    name: `warning-${n}`,
    command: process.execPath,
    args,
    cwd: config.repoRoot,
    env: { ...process.env, FQ_WARNING_TICK_MS: '500' },
    ready: { text: '"message":"started"' },
  });
  const it = { proc, port };
  instances.push(it);
  await proc.start();
  return it;
}

/** The group has committed everything on the case topic: the leader judged what was produced. */
async function caughtUp(): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topics.byKind.case] });
    const high = await admin.fetchTopicOffsets(topics.byKind.case);
    return high.every((p) => {
      const c = committed?.partitions.find((q) => q.partition === p.partition)?.offset ?? '-1';
      return Number(p.high) === 0 || Number(c) >= Number(p.high);
    });
  } finally {
    await admin.disconnect();
  }
}

const county = '511922';
const township = `${county}${String(100 + Math.floor(Math.random() * 800))}`;
const dispute = (minutesAgo: number): CaseEvent =>
  aCaseReported({
    caseId: `C${county}-20261206-${String(10_000 + Math.floor(Math.random() * 90_000))}`,
    occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    region: { county, township },
    category: 'labour-wages',
  });
/** What the ingest does for the warning's inputs: on the topic and in the table. */
const arrive = async (events: readonly CaseEvent[]): Promise<void> => {
  await produceCases(producer, topics.byKind.case, events);
  await storeAsIngest(pool, events);
};
const blueCount = async (): Promise<number | undefined> => {
  const r = await pool.query<{ count: number }>(
    `SELECT (c.snapshot->'explanation'->'values'->>'count')::int AS count
       FROM alert_changes c JOIN alerts a USING (alert_id)
      WHERE a.dedup_key = $1 AND c.change = 'raised'`,
    [`disputes-township-24h:${township}|labour-wages`],
  );
  return r.rows[0]?.count;
};

beforeAll(async () => {
  pool = createPool(config.postgres.url, { max: 2 });
  await producer.connect();
});

afterAll(async () => {
  for (const i of instances) await i.proc.kill('SIGKILL');
  await producer.disconnect();
  await pool.end();
});

describe('two warning instances: one leads, the other takes over when it dies', () => {
  it('the second instance stands by; after a SIGKILL of the leader it judges with the whole state', async () => {
    const a = await instance(1);
    await pollUntil(
      async () => (await consumerDetail(a.port))?.includes('standby') === false,
      'the first instance to lead',
    );
    const b = await instance(2);
    // Before decision 0014 both joined the group and split the partitions (and the windows).
    await new Promise((r) => setTimeout(r, 3000));
    expect(await consumerDetail(b.port)).toMatch(/^standby/);

    await arrive([dispute(30), dispute(20)]);
    await pollUntil(caughtUp, 'the leader to judge the first two disputes', { timeoutMs: 30_000 });
    expect(await blueCount()).toBeUndefined();

    await a.proc.kill('SIGKILL');
    const killedAt = Date.now();
    const violent = aViolentCase(Date.now() - 5000, county);
    await arrive([dispute(10), violent]);
    await pollUntil(() => violenceAlertOf(pool, violent.caseId), 'the standby to take over', {
      timeoutMs: 45_000,
    }).catch((err: unknown) => {
      throw new Error(`${String(err)}\n--- warning-2:\n${b.proc.output().slice(-4000)}`);
    });
    const takeoverMs = Date.now() - killedAt;
    process.stdout.write(`standby took over and judged in ${takeoverMs} ms (session ${SESSION_MS} ms)\n`);
    // The third dispute counts the two the dead leader judged: the survivor rebuilt them.
    expect(await pollUntil(blueCount, 'the blue window alert', { timeoutMs: 15_000 })).toBe(3);
    expect(await consumerDetail(b.port)).not.toMatch(/standby/);
    expect(takeoverMs).toBeLessThan(SESSION_MS + 15_000);
  }, 180_000);
});
