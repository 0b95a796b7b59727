import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { StackError } from './stack-error';

// TimescaleDB 2.28.3 is the last release that builds against PostgreSQL 15 (Debian 12's server);
// the vendored tarball is its unmodified source (../shared/vendor/README.md lists this digest).
export const TIMESCALE_VERSION = '2.28.3';
const SOURCE_SHA256 = '1cae5006d5cd704accf03d59561ec3d57b0b54920fc22420bd9573228ae9c542';
export const PG_MAJOR = '15';
export const PG15_BIN = `/usr/lib/postgresql/${PG_MAJOR}/bin`;
const PKGLIB = `/usr/lib/postgresql/${PG_MAJOR}/lib`;
const SHARE = `/usr/share/postgresql/${PG_MAJOR}`;
const NAME = 'postgres';

export type TimescaleAvailability =
  | { readonly ok: true; readonly how: 'installed' | 'from-cache' | 'built' }
  | { readonly ok: false; readonly reason: string };

/** True when the extension's library and control file for this version are in PostgreSQL 15's dirs. */
export function timescaleInstalled(): boolean {
  return (
    existsSync(join(PKGLIB, `timescaledb-${TIMESCALE_VERSION}.so`)) &&
    existsSync(join(SHARE, 'extension', `timescaledb--${TIMESCALE_VERSION}.sql`))
  );
}

function cacheDir(config: FengqiaoConfig): string {
  return join(config.postgres.buildCacheDir, `timescaledb-${TIMESCALE_VERSION}-pg${PG_MAJOR}`);
}

/** The staged `make install DESTDIR=stage` tree; complete once the marker holds the source digest. */
function stage(config: FengqiaoConfig): { dir: string; marker: string } {
  const dir = cacheDir(config);
  return { dir: join(dir, 'stage'), marker: join(dir, 'stage.complete') };
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Runs a build step with its output appended to `log`; rejects with the log named. */
async function step(command: string, args: readonly string[], cwd: string, log: string): Promise<void> {
  const fd = openSync(log, 'a');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(command, args, { cwd, stdio: ['ignore', fd, fd] });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0)
      throw new StackError(
        'COMMAND_FAILED',
        NAME,
        `TimescaleDB build step failed: ${command} ${args.join(' ')} (exit ${String(code)})`,
        'read the build log; check postgresql-server-dev-15 and cmake (scripts/bootstrap.sh installs them)',
        log,
      );
  } finally {
    closeSync(fd);
  }
}

/** Builds the extension from the source tarball into the cache (staged install); installs nothing. */
export async function buildTimescale(config: FengqiaoConfig, say: (line: string) => void): Promise<void> {
  const source = config.postgres.timescaleSource;
  const digest = await sha256(source);
  if (digest !== SOURCE_SHA256)
    throw new StackError(
      'START_FAILED',
      NAME,
      `${source} is not the TimescaleDB ${TIMESCALE_VERSION} release (sha256 ${digest})`,
      `point FQ_TIMESCALEDB_SOURCE at the unmodified ${TIMESCALE_VERSION} tarball (sha256 ${SOURCE_SHA256})`,
    );
  if (!existsSync(join(PG15_BIN, 'pg_config')) || !existsSync(`/usr/include/postgresql/${PG_MAJOR}/server`))
    throw new StackError(
      'START_FAILED',
      NAME,
      'building TimescaleDB needs postgresql-server-dev-15',
      'run scripts/bootstrap.sh (as root) or apt-get install -y postgresql-server-dev-15 cmake',
    );
  const dir = cacheDir(config);
  const src = join(dir, 'src');
  const log = join(dir, 'build.log');
  const { dir: stageDir, marker } = stage(config);
  rmSync(src, { recursive: true, force: true });
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  writeFileSync(log, '');
  say(
    `postgres: building TimescaleDB ${TIMESCALE_VERSION} from ${source} (once; about 2 minutes on 2 cores)`,
  );
  say(`postgres:   build log ${log}; the result is cached in ${dir}`);
  const t0 = Date.now();
  await step('tar', ['xzf', source, '-C', src], dir, log);
  await step(
    './bootstrap',
    [
      '-DREGRESS_CHECKS=OFF',
      '-DTAP_CHECKS=OFF',
      '-DWARNINGS_AS_ERRORS=OFF',
      `-DPG_CONFIG=${join(PG15_BIN, 'pg_config')}`,
    ],
    src,
    log,
  );
  await step('make', ['-j2'], join(src, 'build'), log);
  await step('make', ['install', `DESTDIR=${stageDir}`], join(src, 'build'), log);
  writeFileSync(marker, `${SOURCE_SHA256}\n`);
  rmSync(src, { recursive: true, force: true });
  say(`postgres: TimescaleDB built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** Copies the staged build into PostgreSQL 15's library and extension dirs (root only). */
function installStaged(config: FengqiaoConfig, say: (line: string) => void): void {
  const t0 = Date.now();
  cpSync(join(stage(config).dir, 'usr'), '/usr', { recursive: true, force: true });
  say(
    `postgres: installed TimescaleDB ${TIMESCALE_VERSION} from the cache ${cacheDir(config)} (${Date.now() - t0} ms)`,
  );
}

/**
 * Makes TimescaleDB available to Debian's PostgreSQL 15: already installed, copied in from the build
 * cache, or built once from the source tarball. Says why not when none of these is possible.
 */
export async function ensureTimescale(
  config: FengqiaoConfig,
  say: (line: string) => void,
): Promise<TimescaleAvailability> {
  if (timescaleInstalled()) return { ok: true, how: 'installed' };
  const root = process.getuid?.() === 0;
  const cached = existsSync(stage(config).marker);
  const hasSource = existsSync(config.postgres.timescaleSource);
  if (!cached && !hasSource)
    return {
      ok: false,
      reason: `TimescaleDB ${TIMESCALE_VERSION} is not installed, not in the build cache (${cacheDir(config)}) and its source is missing (${config.postgres.timescaleSource}; set FQ_TIMESCALEDB_SOURCE)`,
    };
  if (!root)
    return {
      ok: false,
      reason: `TimescaleDB ${TIMESCALE_VERSION} is not installed and installing it into ${PKGLIB} needs root`,
    };
  mkdirSync(cacheDir(config), { recursive: true });
  if (!cached) await buildTimescale(config, say);
  installStaged(config, say);
  if (!timescaleInstalled())
    return {
      ok: false,
      reason: `the TimescaleDB build in ${cacheDir(config)} did not install ${TIMESCALE_VERSION}`,
    };
  return { ok: true, how: cached ? 'from-cache' : 'built' };
}
