import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Child processes in their own process group (detached), so a stop reaches ffmpeg and anything it
 * forked, and a signal sent to the media service's terminal group does not race our own shutdown.
 */
export function spawnGroup(command: string, args: readonly string[]): ChildProcess {
  return spawn(command, [...args], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone, which is what we want.
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the leader has exited. */
export async function killGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null;
  const done = exited ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
  signalGroup(pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
  // The leader may be gone while a forked helper lingers in the group.
  signalGroup(pid, 'SIGKILL');
}

/** Pids of live processes whose command line contains `marker` (from /proc; Linux only). */
export function processesMatching(marker: string, command = 'ffmpeg'): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited while we looked
    }
    const exe = argv[0] ?? '';
    if ((exe === command || exe.endsWith(`/${command}`)) && argv.some((a) => a.includes(marker)))
      found.push(Number(entry));
  }
  return found;
}

/**
 * Kills leftovers of an earlier instance (one killed with -9 cannot clean up after itself): every
 * `command` process whose arguments mention `marker`. Returns how many were killed.
 */
export function reapOrphans(marker: string, command = 'ffmpeg'): number {
  const pids = processesMatching(marker, command);
  for (const pid of pids) {
    signalGroup(pid, 'SIGKILL');
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return pids.length;
}
