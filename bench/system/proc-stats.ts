import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpuSeconds } from '../video/proc-cpu';

/** Resident memory of a process in MiB (VmRSS); NaN when it is gone. */
export function rssMiB(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? Number.NaN : Number(m[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The process listening on a local TCP port (the shared stack's broker and PostgreSQL), if any. */
export function listenerPid(port: number): number | undefined {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const m = /pid=(\d+)/.exec(out);
    return m === null ? undefined : Number(m[1]);
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of children a process has reaped (cutime + cstime): PostgreSQL's backends that ended
 * between two readings count here, so a server's total never goes back.
 */
function reapedChildrenSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ
  } catch {
    return 0;
  }
}

/** A process and its direct children (PostgreSQL's backends come and go: listed at each reading). */
function withChildren(pid: number): number[] {
  try {
    const out = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
    return [pid, ...out.split('\n').filter(Boolean).map(Number)];
  } catch {
    return [pid];
  }
}

/** What one part of the system is, for its CPU and memory: its own pid, or a server and its children. */
export interface Part {
  readonly name: string;
  readonly pid: number | undefined;
  readonly children?: boolean;
}

export type CpuReading = Record<string, number>;

/** CPU seconds so far of every part (NaN for a part that is not found). */
export function readCpu(parts: readonly Part[]): CpuReading {
  const out: CpuReading = {};
  for (const p of parts) {
    if (p.pid === undefined) out[p.name] = Number.NaN;
    else if (p.name === 'bench') {
      const u = process.cpuUsage();
      out[p.name] = (u.user + u.system) / 1e6;
    } else {
      const pids = p.children === true ? withChildren(p.pid) : [p.pid];
      const reaped = p.children === true ? reapedChildrenSeconds(p.pid) : 0;
      out[p.name] = reaped + pids.reduce((t, q) => t + cpuSeconds(q), 0);
    }
  }
  return out;
}

/** Resident memory of every part that is one process (servers with children are left out). */
export function readRss(parts: readonly Part[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts) if (p.pid !== undefined && p.children !== true) out[p.name] = rssMiB(p.pid);
  return out;
}
