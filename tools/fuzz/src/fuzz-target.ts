import { spawnSync } from 'node:child_process';
import { type AddressInfo } from 'node:net';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { findRepoRoot, type FengqiaoConfig } from '@fengqiao/config';
import { ALERT_COLOURS, type TokenPair, type UserRole } from '@fengqiao/contracts';
import { createPool, ensureDatabase, migrate, withDatabaseName, type DbPool } from '@fengqiao/db';
import { uniqueName } from '@fengqiao/testing';
// The API is built by its own factory, as the API benchmarks do (bench/api/bench-api-env.ts).
import { createApiApp } from '../../../apps/api/src/app.factory';
import { DEMO_USERS } from '../../../apps/api/src/auth/demo-users';
import { seedDemoUsers } from '../../../apps/api/src/seed-users';
import { anAlert, storeRaisedAlert } from '../../../apps/api/src/testing/alert-fixtures';
import { deleteTopic } from '../../../apps/api/src/testing/api-harness';
import { ServerTally } from './server-tally';

/** A real API instance against a database of its own, with users, regions, cameras and alerts. */
export interface FuzzTarget {
  readonly url: string;
  readonly tokens: ReadonlyMap<UserRole, string>;
  readonly tally: ServerTally;
  stop(): Promise<void>;
}

const root = findRepoRoot(__dirname);
const say = (line: string): void => void process.stderr.write(`${line}\n`);

async function login(url: string, role: UserRole): Promise<string> {
  const account = DEMO_USERS.find((u) => u.role === role);
  if (account === undefined) throw new Error(`fuzz: no demo user for ${role}`);
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (res.status !== 200) throw new Error(`fuzz: login as ${role} answered ${res.status}`);
  return ((await res.json()) as TokenPair).accessToken;
}

/** Regions and a small camera registry from the simulator's own seed; alerts of each colour. */
async function seedData(pool: DbPool, dbUrl: string): Promise<void> {
  const seed = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/simulator/src/seed.ts', '--cameras', '300', '--no-kafka'],
    { cwd: root, env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' },
  );
  if (seed.status !== 0) throw new Error(`fuzz: seed failed:\n${seed.stdout}${seed.stderr}`);
  for (const colour of ALERT_COLOURS) {
    await storeRaisedAlert(pool, anAlert({}, colour));
  }
}

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: withDatabaseName(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function listen(
  config: FengqiaoConfig,
  alertsTopic: string,
  tally: ServerTally,
): Promise<NestFastifyApplication> {
  const app = await createApiApp(config, {
    // Fuzzing sends thousands of writes a minute: with the production limits most would stop at
    // 429 before the handler. The limits themselves are tested in common/bad-input.int-spec.ts.
    options: { alertsTopic, loginLimitPerMinute: 1_000_000, writeLimitPerMinute: 1_000_000 },
    // warn too: the filter logs values PostgreSQL refused (a validator upstream missed them).
    logger: ['error', 'warn'],
  });
  tally.install(app.getHttpAdapter().getInstance());
  await app.listen(0, '127.0.0.1');
  return app;
}

/**
 * Creates and migrates `fengqiao_fuzz_<pid>` (fuzzed writes never touch the demo database or a test
 * run's), seeds it, starts the API on a free port and signs every role in.
 */
export async function startFuzzTarget(
  config: FengqiaoConfig,
  roles: readonly UserRole[],
): Promise<FuzzTarget> {
  const dbUrl = withDatabaseName(config.postgres.url, `fengqiao_fuzz_${process.pid}`);
  await ensureDatabase(dbUrl, { recreate: true });
  const pool = createPool(dbUrl, { max: 2 });
  const own: FengqiaoConfig = { ...config, mode: 'test', postgres: { ...config.postgres, url: dbUrl } };
  const alertsTopic = uniqueName('fuzz.alert.changed.v1');
  const tally = new ServerTally();
  let app: NestFastifyApplication | undefined;
  let stopping: Promise<void> | undefined;
  // Idempotent: a signal and the normal path may both ask.
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await app?.close().catch((err: unknown) => say(`fuzz: closing the API: ${String(err)}`));
      await pool.end();
      await deleteTopic(own, alertsTopic);
      await dropDatabase(dbUrl);
    })());
  try {
    await migrate(pool, { direction: 'up' });
    await seedDemoUsers(pool, own);
    await seedData(pool, dbUrl);
    app = await listen(own, alertsTopic, tally);
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const tokens = new Map<UserRole, string>();
    for (const role of roles) tokens.set(role, await login(url, role));
    return { url, tokens, tally, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
