import { spawn, type ChildProcess } from 'node:child_process';

/** How a managed process tells it is ready: an HTTP URL answering 2xx, or a line in its output. */
export type Readiness =
  | { readonly url: string; readonly accept?: (status: number, body: string) => boolean }
  | { readonly text: string };

export interface ManagedProcessSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly ready: Readiness;
  readonly readyTimeoutMs?: number;
}

/**
 * A long-running app a fault test can SIGKILL, pause (SIGSTOP) and start again, always from the same
 * spec (same ports, same group), as a supervisor would. Output is kept as a bounded tail.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private out = '';
  /** Output of the current run only (readiness by text must not match an earlier run's line). */
  private current = '';
  private starts = 0;
  private readonly killOnExit = (): void => {
    this.child?.kill('SIGKILL');
  };

  constructor(readonly spec: ManagedProcessSpec) {}

  get pid(): number | undefined {
    return this.running() ? this.child?.pid : undefined;
  }

  /** How many times it was started (restarts included). */
  get startCount(): number {
    return this.starts;
  }

  running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.out;
  }

  /** Starts it (if not running) and waits for readiness; throws with its output otherwise. */
  async start(): Promise<void> {
    if (!this.running()) this.spawn();
    await this.waitReady();
  }

  /** Sends `signal` and waits for the exit (SIGKILL: immediately gone, as in a crash). */
  async kill(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running()) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (signal === 'SIGTERM') setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    child.kill(signal);
    await exited;
  }

  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async restart(): Promise<void> {
    await this.kill('SIGKILL');
    await this.start();
  }

  private spawn(): void {
    const { command, args, cwd, env } = this.spec;
    const child = spawn(command, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.starts += 1;
    this.current = '';
    const keep = (d: Buffer): void => {
      this.out = (this.out + d.toString()).slice(-40_000);
      if (this.current.length < 200_000) this.current += d.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // A spec that fails half-way must not leave apps behind.
    process.once('exit', this.killOnExit);
    child.once('exit', () => process.removeListener('exit', this.killOnExit));
    this.child = child;
  }

  private async waitReady(): Promise<void> {
    const ready = this.spec.ready;
    const deadline = Date.now() + (this.spec.readyTimeoutMs ?? 90_000);
    const last = { answer: '' };
    while (Date.now() < deadline) {
      if (!this.running())
        throw new Error(`${this.spec.name} exited during start-up:\n${this.out.slice(-4000)}`);
      if ('text' in ready ? this.current.includes(ready.text) : await answers(ready.url, last, ready.accept))
        return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(
      `${this.spec.name} was not ready in time (last answer: ${last.answer}):\n${this.out.slice(-4000)}`,
    );
  }
}

async function answers(
  url: string,
  last: { answer: string },
  accept: (status: number, body: string) => boolean = (status) => status >= 200 && status < 300,
): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    const body = await res.text();
    last.answer = `${res.status} ${body.slice(0, 1000)}`;
    return accept(res.status, body);
  } catch (err) {
    last.answer = err instanceof Error ? err.message : String(err);
    return false;
  }
}
