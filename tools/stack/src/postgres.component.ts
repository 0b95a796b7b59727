import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { describeEngine, probeEngine, probePostgres } from '@fengqiao/db';
import { Client } from 'pg';
import { type ComponentStatus, type StackComponent } from './component';
import {
  clusterRunning,
  ensureAppDatabase,
  initCluster,
  startCluster,
  stopCluster,
  superuserUrl,
  type PgCluster,
} from './pg-cluster';
import { portOpen } from './processes';
import { StackError } from './stack-error';
import { ensureTimescale, PG15_BIN, PG_MAJOR, TIMESCALE_VERSION } from './timescaledb';

const NAME = 'postgres';

/** Server options with TimescaleDB: enough background workers for one scheduler per test database. */
const TIMESCALE_SETTINGS = [
  'shared_preload_libraries=timescaledb',
  'timescaledb.telemetry_level=off',
  'max_worker_processes=64',
  'timescaledb.max_background_workers=48',
];
const COMMON_SETTINGS = ['shared_buffers=256MB', 'max_connections=200', 'max_locks_per_transaction=256'];

function cluster(config: FengqiaoConfig, timescale: boolean): PgCluster {
  return {
    component: NAME,
    binDir: PG15_BIN,
    major: PG_MAJOR,
    data: join(config.stack.dataDir, 'postgres'),
    host: config.host,
    port: config.postgres.port,
    socketDir: join(config.stack.runDir, 'pg-socket'),
    log: join(config.stack.logDir, 'postgres.log'),
    pwfile: join(config.stack.runDir, 'pg-superuser.pw'),
    settings: [...COMMON_SETTINGS, ...(timescale ? TIMESCALE_SETTINGS : [])],
  };
}

/** Why the running server is plain, recorded at start for `stack:status`. */
function fallbackFile(config: FengqiaoConfig): string {
  return join(config.stack.runDir, 'postgres-plain-reason');
}

function loud(say: (line: string) => void, reason: string): void {
  say('postgres: ⚠⚠⚠ RUNNING PLAIN POSTGRESQL, WITHOUT TIMESCALEDB ⚠⚠⚠');
  say(`postgres: ⚠ ${reason}`);
  say('postgres: ⚠ hypertables, continuous aggregates, compression and retention are OFF (decision 0004)');
}

/** Installs (or builds) TimescaleDB when wanted; the reason when the server must run plain. */
async function chooseEngine(
  config: FengqiaoConfig,
  say: (line: string) => void,
): Promise<string | undefined> {
  if (config.postgres.engine === 'plain') return 'FQ_PG_ENGINE=plain asks for plain PostgreSQL';
  const t0 = Date.now();
  const ts = await ensureTimescale(config, say);
  if (!ts.ok) return ts.reason;
  if (ts.how !== 'installed')
    say(
      `postgres: TimescaleDB ${TIMESCALE_VERSION} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${ts.how})`,
    );
  return undefined;
}

async function engineLine(config: FengqiaoConfig): Promise<string> {
  const client = new Client({
    connectionString: superuserUrl(cluster(config, false)),
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const e = await probeEngine(client);
    return e.preloaded
      ? `${e.serverVersion} + TimescaleDB ${TIMESCALE_VERSION} preloaded`
      : describeEngine(e);
  } finally {
    await client.end();
  }
}

async function startLocal(config: FengqiaoConfig, say: (line: string) => void): Promise<void> {
  if (!existsSync(join(PG15_BIN, 'postgres')))
    throw new StackError(
      'START_FAILED',
      NAME,
      `PostgreSQL ${PG_MAJOR} is not installed (${PG15_BIN})`,
      'run scripts/bootstrap.sh (installs postgresql-15, postgresql-server-dev-15 and cmake)',
    );
  const plainReason = await chooseEngine(config, say);
  const c = cluster(config, plainReason === undefined);
  if (await portOpen(config.host, config.postgres.port))
    throw new StackError(
      'PORT_TAKEN',
      NAME,
      `port ${config.postgres.port} on ${config.host} is taken by another process`,
      'stop that process (an older stack: `npm run stack:down` in that checkout), or choose another port with FQ_PG_PORT',
      c.log,
    );
  initCluster(c, say);
  if (plainReason !== undefined) loud(say, plainReason);
  writeFileSync(fallbackFile(config), plainReason ?? '');
  say(`postgres: starting PostgreSQL ${PG_MAJOR} on ${config.host}:${config.postgres.port}`);
  startCluster(c);
}

export const postgresComponent: StackComponent = {
  name: NAME,

  async up(config, say) {
    if (!config.postgres.embedded) {
      const probe = await probePostgres(config.postgres.url);
      if (!probe.ok)
        throw new StackError(
          'NOT_READY',
          NAME,
          `DATABASE_URL does not answer: ${probe.error}`,
          'check DATABASE_URL and that the server is up',
        );
      say(`postgres: external server ready (${probe.version})`);
      return;
    }
    const c = cluster(config, false);
    if (clusterRunning(c)) say('postgres: already running');
    else await startLocal(config, say);
    // Generous: the other components start side by side and their synchronous steps (initdb) stall this event loop.
    const probe = await probePostgres(superuserUrl(c), 20_000);
    if (!probe.ok)
      throw new StackError('NOT_READY', NAME, `select 1 failed: ${probe.error}`, 'read the log', c.log);
    await ensureAppDatabase(c, config.postgres.url);
    say(`postgres: ready (${await engineLine(config)})`);
  },

  down(config, say) {
    const c = cluster(config, false);
    if (!config.postgres.embedded || !clusterRunning(c)) {
      say('postgres: not running');
      return Promise.resolve();
    }
    stopCluster(c);
    say('postgres: stopped');
    return Promise.resolve();
  },

  async status(config): Promise<ComponentStatus> {
    const probe = await probePostgres(config.postgres.url, 2000);
    const where = new URL(config.postgres.url);
    const head = `${where.hostname}:${where.port}${where.pathname}`;
    if (!config.postgres.embedded)
      return {
        name: NAME,
        state: probe.ok ? 'external' : 'unhealthy',
        detail: `${head} · ${probe.ok ? probe.version : probe.error}`,
      };
    const c = cluster(config, false);
    if (!clusterRunning(c)) return { name: NAME, state: 'stopped', detail: 'not running', logFile: c.log };
    if (!probe.ok)
      return { name: NAME, state: 'unhealthy', detail: `${head} · ${probe.error}`, logFile: c.log };
    const reason = existsSync(fallbackFile(config)) ? readFileSync(fallbackFile(config), 'utf8').trim() : '';
    const engine = await engineLine(config);
    const warn = reason === '' ? '' : `  ⚠ PLAIN POSTGRESQL, NO TIMESCALEDB: ${reason}`;
    return { name: NAME, state: 'running', detail: `${head} · ${engine}${warn}`, logFile: c.log };
  },
};
