import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type AppProcess, type SetupStep } from './apps';
import { isAlive, sleep } from './processes';

const COLOURS = [36, 33, 35, 32, 34, 31];

/** Runs apps as children, prefixes their output, and stops them all together. */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
  ) {}

  /**
   * Starts a supervised child. A `oneShot` child (a background step) may end: exit 0 is reported as
   * finished, a failure as a warning; either way the rest keeps running. It is still stopped with
   * the others, so nothing outlives the start command.
   */
  start(app: AppProcess, index: number, oneShot = false, onFinished?: (code: number | null) => void): void {
    const child = spawn(app.command, [...app.args], {
      cwd: app.cwd,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tag = `\u001b[${COLOURS[index % COLOURS.length] ?? 37}m${app.name.padEnd(9)}\u001b[0m│ `;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${tag}${line}\n`));
    }
    child.on('exit', (code) => {
      this.children.delete(app.name);
      if (this.stopping) return;
      if (!oneShot) this.onUnexpectedExit(app.name, code);
      else {
        process.stdout.write(
          `${tag}${code === 0 ? 'finished' : `failed (exit ${code ?? 'signal'}); the system keeps running`}\n`,
        );
        onFinished?.(code);
      }
    });
    this.children.set(app.name, child);
  }

  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const pids = [...this.children.values()].map((c) => c.pid).filter((p): p is number => p !== undefined);
    for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (pids.some(isAlive) && Date.now() < deadline) await sleep(100);
    for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
}

/** Polls a URL until it answers 2xx; false on timeout. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return false;
}

/** Runs a one-shot step to completion, echoing its output; returns the output, throws on failure. */
export async function runStep(step: SetupStep, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...step.args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        out += `${line}\n`;
        process.stdout.write(`${step.name.padEnd(9)}│ ${line}\n`);
      });
    }
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${step.name} failed (exit ${code ?? 'signal'})`)),
    );
  });
}
