import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface SimLine {
  readonly event: string;
  readonly [k: string]: unknown;
}

/** The device simulator as its own OS process: commands on stdin, JSON lines on stdout. */
export class SimProcess {
  private readonly lines: SimLine[] = [];
  private readonly waiters: { event: string; resolve(l: SimLine): void }[] = [];
  private out = '';

  private constructor(readonly child: ChildProcess) {
    child.stderr?.on('data', (d: Buffer) => {
      this.out = (this.out + d.toString()).slice(-10_000);
    });
    if (child.stdout === null) return;
    createInterface({ input: child.stdout }).on('line', (text) => {
      let line: SimLine;
      try {
        line = JSON.parse(text) as SimLine;
      } catch {
        this.out = (this.out + text).slice(-10_000);
        return;
      }
      const waiter = this.waiters.find((x) => x.event === line.event);
      if (waiter === undefined) this.lines.push(line);
      else {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    });
  }

  static start(repoRoot: string, args: readonly string[]): SimProcess {
    const script = join(repoRoot, 'e2e/src/gb28181/device-simulator.ts');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', script, ...args], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new SimProcess(child);
  }

  /** The first line of this event not taken yet (lines that came before the call count). */
  next(event: string, timeoutMs = 120_000): Promise<SimLine> {
    const earlier = this.lines.findIndex((l) => l.event === event);
    if (earlier >= 0) return Promise.resolve(this.lines.splice(earlier, 1)[0] as SimLine);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`simulator: no "${event}" in ${timeoutMs} ms\n${this.out}`)),
        timeoutMs,
      );
      this.waiters.push({
        event,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
    });
  }

  send(command: Record<string, unknown>): void {
    this.child.stdin?.write(`${JSON.stringify(command)}\n`);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.stdin?.end();
      this.child.kill('SIGTERM');
    });
  }
}
