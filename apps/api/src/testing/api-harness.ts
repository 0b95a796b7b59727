import { type AddressInfo } from 'node:net';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type TokenPair, type UserRole } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { createKafkaClient } from '@fengqiao/kafka';
import { testConfig, uniqueName } from '@fengqiao/testing';
import { createApiApp } from '../app.factory';
import { DEMO_USERS } from '../auth/demo-users';
import { type ApiOptions } from '../infra/api-options';
import { seedDemoUsers } from '../seed-users';

/** An API instance started in-process on an ephemeral port, against this run's database and Kafka. */
export interface ApiHarness {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly config: FengqiaoConfig;
  readonly pool: DbPool;
  readonly alertsTopic: string;
  login(role: UserRole | 'officer-bazhou'): Promise<TokenPair>;
  close(): Promise<void>;
}

/** The demo user of a role; 'officer-bazhou' is the duty officer scoped to 巴州区. */
export function demoUser(role: UserRole | 'officer-bazhou'): { username: string; password: string } {
  const user =
    role === 'officer-bazhou'
      ? DEMO_USERS.find((u) => u.username === 'officer-bazhou')
      : DEMO_USERS.find((u) => u.role === role);
  if (user === undefined) throw new Error(`no demo user for ${role}`);
  return { username: user.username, password: user.password };
}

/** Deletes a test topic (best effort: a broker that refuses leaves it to retention). */
export async function deleteTopic(config: FengqiaoConfig, topic: string): Promise<void> {
  const admin = createKafkaClient({
    brokers: config.kafka.brokers,
    clientId: uniqueName('test-cleanup'),
    log: () => undefined,
  }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic], timeout: 5000 }).catch(() => undefined);
  await admin.disconnect();
}

export async function startApi(options: Partial<ApiOptions> = {}): Promise<ApiHarness> {
  const config = testConfig();
  const alertsTopic = options.alertsTopic ?? uniqueName('test.alert.changed.v1');
  const app = await createApiApp(config, { options: { ...options, alertsTopic }, logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const pool = createPool(config.postgres.url, { max: 3 });
  await seedDemoUsers(pool, config);
  const tokens = new Map<string, TokenPair>();
  return {
    app,
    url,
    config,
    pool,
    alertsTopic,
    async login(role) {
      const cached = tokens.get(role);
      if (cached !== undefined) return cached;
      const res = await request(url).post('/api/auth/login').send(demoUser(role)).expect(200);
      const pair = res.body as TokenPair;
      tokens.set(role, pair);
      return pair;
    },
    async close() {
      await app.close();
      await pool.end();
      // Topics this harness made up are removed, so test runs do not pile topics on the broker.
      if (options.alertsTopic === undefined) await deleteTopic(config, alertsTopic);
    },
  };
}
