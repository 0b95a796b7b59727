import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { StackError } from './stack-error';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isFinite(pid) && pid > 0 ? pid : undefined;
}

/** Starts a daemon detached from this process, its output appended to `logFile`. */
export function spawnDaemon(
  command: string,
  args: readonly string[],
  logFile: string,
  options: SpawnOptions = {},
): number {
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', fd, fd] });
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    child.unref();
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

export function writePid(file: string, pid: number): void {
  writeFileSync(file, `${pid}\n`);
}

export function removePid(file: string): void {
  rmSync(file, { force: true });
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Sends SIGTERM, waits up to `graceMs`, then SIGKILL; resolves once the process is gone. */
export async function stopProcess(pid: number, graceMs: number): Promise<'stopped' | 'killed' | 'absent'> {
  if (!isAlive(pid)) return 'absent';
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(200);
  }
  process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(100);
  return 'killed';
}

/** True when something accepts TCP connections on host:port. */
export async function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command to completion; throws a StackError with its output on failure. */
export function runOrThrow(
  component: string,
  command: string,
  args: readonly string[],
  hint: string,
  options: { env?: NodeJS.ProcessEnv } = {},
): string {
  const res = spawnSync(command, args, { encoding: 'utf8', env: options.env ?? process.env });
  if (res.status !== 0) {
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new StackError('COMMAND_FAILED', component, `${command} ${args.join(' ')} failed:\n${out}`, hint);
  }
  return res.stdout;
}

export function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log yet)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}
