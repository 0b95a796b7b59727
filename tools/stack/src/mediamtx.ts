import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { hasCommand } from './processes';
import { StackError } from './stack-error';

/**
 * mediamtx, a real RTSP server nobody here wrote, for the relay specs (issue 15). Built from its Go
 * module with the machine's Go toolchain (the module proxy serves it; v1.15.0 was refused, this
 * release is served) and cached outside the clone like the TimescaleDB build.
 */
export const MEDIAMTX_VERSION = 'v1.13.1';
const MODULE = 'github.com/bluenviron/mediamtx';
const NAME = 'mediamtx';

function cacheDir(config: FengqiaoConfig): string {
  return join(config.postgres.buildCacheDir, `mediamtx-${MEDIAMTX_VERSION}`);
}

/** The built binary (present once the build completed). */
export function mediamtxBinary(config: FengqiaoConfig): string {
  return join(cacheDir(config), 'bin', 'mediamtx');
}

async function step(
  command: string,
  args: readonly string[],
  cwd: string,
  log: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const fd = openSync(log, 'a');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(command, args, { cwd, env, stdio: ['ignore', fd, fd] });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0)
      throw new StackError(
        'COMMAND_FAILED',
        NAME,
        `mediamtx build step failed: ${command} ${args.join(' ')} (exit ${String(code)})`,
        'read the build log; the Go module proxy must be reachable for the first build',
        log,
      );
  } finally {
    closeSync(fd);
  }
}

/**
 * Builds mediamtx once into the cache and returns its path. Two files `go generate` would fetch from
 * the internet are written instead: the version string, and the HLS web player's script (hls.js,
 * served only by mediamtx's HLS page, which the specs turn off; a comment stands in for it).
 */
export async function ensureMediamtx(config: FengqiaoConfig, say: (line: string) => void): Promise<string> {
  const bin = mediamtxBinary(config);
  const dir = cacheDir(config);
  const marker = join(dir, 'build.complete');
  if (existsSync(marker) && existsSync(bin)) return bin;
  if (!hasCommand('go'))
    throw new StackError(
      'NOT_READY',
      NAME,
      'the Go toolchain is not installed: mediamtx is built with it',
      'install Go 1.24+ (the polyglot machine has it)',
    );
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'build.log');
  writeFileSync(log, '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOMODCACHE: join(dir, 'gomod'),
    GOFLAGS: '-mod=mod',
    CGO_ENABLED: '0',
    GOTOOLCHAIN: 'local',
  };
  say(`mediamtx: building ${MEDIAMTX_VERSION} with the Go toolchain (once; minutes on 2 cores), log ${log}`);
  const t0 = Date.now();
  const info = join(dir, 'module.json');
  await step('sh', ['-c', `go mod download -json ${MODULE}@${MEDIAMTX_VERSION} > ${info}`], dir, log, env);
  const moduleDir = (JSON.parse(readFileSync(info, 'utf8')) as { Dir?: string }).Dir;
  if (moduleDir === undefined || !existsSync(moduleDir))
    throw new StackError(
      'COMMAND_FAILED',
      NAME,
      `go mod download gave no module folder for ${MODULE}`,
      'read the build log',
      log,
    );
  const src = join(dir, 'src');
  rmSync(src, { recursive: true, force: true });
  cpSync(moduleDir, src, { recursive: true });
  makeWritable(src);
  writeFileSync(join(src, 'internal', 'core', 'VERSION'), MEDIAMTX_VERSION);
  writeFileSync(
    join(src, 'internal', 'servers', 'hls', 'hls.min.js'),
    '/* hls.js is not bundled in this build */\n',
  );
  mkdirSync(join(dir, 'bin'), { recursive: true });
  await step('go', ['build', '-o', bin, '.'], src, log, env);
  rmSync(src, { recursive: true, force: true });
  writeFileSync(marker, `${MEDIAMTX_VERSION}\n`);
  say(`mediamtx: built in ${((Date.now() - t0) / 1000).toFixed(0)} s, cached in ${dir}`);
  return bin;
}

/** The module cache is read-only; the copy we patch and build must not be. */
function makeWritable(path: string): void {
  chmodSync(path, 0o755);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else chmodSync(full, 0o644);
  }
}
