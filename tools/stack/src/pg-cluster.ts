import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { runOrThrow } from './processes';
import { StackError } from './stack-error';

/** The local superuser's password; local servers listen on 127.0.0.1 only. */
const SUPERUSER_PASSWORD = 'fengqiao-local-superuser';

/** One local PostgreSQL cluster: its binaries, data folder, port and server options. */
export interface PgCluster {
  readonly component: string;
  readonly binDir: string;
  /** The major version the binaries are (PG_VERSION of a cluster they can run). */
  readonly major: string;
  readonly data: string;
  readonly host: string;
  readonly port: number;
  readonly socketDir: string;
  readonly log: string;
  readonly pwfile: string;
  /** `-c name=value` server options beyond the common ones. */
  readonly settings: readonly string[];
}

/** PostgreSQL refuses to run as root: as root we run its binaries as the `postgres` system user. */
function osUser(component: string): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (): { uid: number; gid: number } | undefined => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  let ids = lookup();
  if (ids === undefined) {
    runOrThrow(
      component,
      'useradd',
      ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
      'create a system user named postgres',
    );
    ids = lookup();
  }
  if (ids === undefined)
    throw new StackError('START_FAILED', component, 'no postgres system user', 'useradd --system postgres');
  return { name: 'postgres', ...ids };
}

function pgRun(c: PgCluster, tool: string, args: string[], hint: string): string {
  const user = osUser(c.component);
  const bin = `${c.binDir}/${tool}`;
  return user === undefined
    ? runOrThrow(c.component, bin, args, hint)
    : runOrThrow(c.component, 'runuser', ['-u', user.name, '--', bin, ...args], hint);
}

function ownDirs(c: PgCluster, dirs: string[], files: string[]): void {
  const user = osUser(c.component);
  for (const d of dirs) mkdirSync(d, { recursive: true });
  for (const f of files) if (!existsSync(f)) writeFileSync(f, '');
  if (user !== undefined) for (const p of [...dirs, ...files]) chownSync(p, user.uid, user.gid);
}

export function superuserUrl(c: PgCluster, database = 'postgres'): string {
  return `postgres://postgres:${SUPERUSER_PASSWORD}@${c.host}:${c.port}/${database}`;
}

export function clusterRunning(c: PgCluster): boolean {
  if (!existsSync(`${c.data}/PG_VERSION`)) return false;
  const user = osUser(c.component);
  const args = ['-D', c.data, 'status'];
  const bin = `${c.binDir}/pg_ctl`;
  const res =
    user === undefined ? spawnSync(bin, args) : spawnSync('runuser', ['-u', user.name, '--', bin, ...args]);
  return res.status === 0;
}

/**
 * Initialises the cluster when its folder is empty. A folder of another major version (the embedded
 * PostgreSQL 17 of earlier checkouts) is moved aside, not deleted, and the move is reported.
 */
export function initCluster(c: PgCluster, say: (line: string) => void): void {
  ownDirs(c, [c.socketDir], [c.log]);
  const versionFile = `${c.data}/PG_VERSION`;
  if (existsSync(versionFile)) {
    const found = readFileSync(versionFile, 'utf8').trim();
    if (found === c.major) return;
    const aside = `${c.data}-pg${found}-${new Date().toISOString().replace(/[:.]/g, '')}`;
    renameSync(c.data, aside);
    say(`${c.component}: ⚠ ${c.data} held a PostgreSQL ${found} cluster; moved it to ${aside}`);
  }
  say(`${c.component}: initialising a new PostgreSQL ${c.major} cluster in ${c.data}`);
  ownDirs(c, [c.data], [c.pwfile]);
  writeFileSync(c.pwfile, `${SUPERUSER_PASSWORD}\n`);
  pgRun(
    c,
    'initdb',
    [
      '-D',
      c.data,
      '-U',
      'postgres',
      `--pwfile=${c.pwfile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C',
    ],
    `remove ${c.data} and try again`,
  );
}

export function startCluster(c: PgCluster): void {
  const opts = [
    `-p ${c.port}`,
    `-h ${c.host}`,
    `-k ${c.socketDir}`,
    '-c wal_level=minimal',
    '-c max_wal_senders=0',
    ...c.settings.map((s) => `-c ${s}`),
  ].join(' ');
  pgRun(c, 'pg_ctl', ['-D', c.data, '-l', c.log, '-o', opts, '-w', '-t', '60', 'start'], `read ${c.log}`);
}

export function stopCluster(c: PgCluster): void {
  pgRun(
    c,
    'pg_ctl',
    ['-D', c.data, '-m', 'fast', '-w', '-t', '60', 'stop'],
    'kill the postgres processes by hand',
  );
}

/** Creates the application role (LOGIN CREATEDB) and database of `appUrl` when missing. */
export async function ensureAppDatabase(c: PgCluster, appUrl: string): Promise<void> {
  const app = new URL(appUrl);
  const role = decodeURIComponent(app.username);
  const password = decodeURIComponent(app.password);
  const database = app.pathname.slice(1);
  const client = new Client({ connectionString: superuserUrl(c) });
  await client.connect();
  try {
    const q = (id: string): string => `"${id.replace(/"/g, '""')}"`;
    const hasRole = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (hasRole.rowCount === 0)
      await client.query(`CREATE ROLE ${q(role)} LOGIN CREATEDB PASSWORD '${password.replace(/'/g, "''")}'`);
    const hasDb = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (hasDb.rowCount === 0) await client.query(`CREATE DATABASE ${q(database)} OWNER ${q(role)}`);
    // The applications' role (issue 17 #7): the migrations grant it rows but only INSERT/SELECT on
    // audit_log; the owner is a member so tests can SET ROLE to it. Roles are cluster-wide: here.
    const hasAppRole = await client.query("SELECT 1 FROM pg_roles WHERE rolname = 'fengqiao_app'");
    if (hasAppRole.rowCount === 0) await client.query('CREATE ROLE fengqiao_app NOLOGIN');
    await client.query(`GRANT fengqiao_app TO ${q(role)}`);
  } finally {
    await client.end();
  }
}
