import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { freePort, uniqueName } from '@fengqiao/testing';

/** The real warning service as its own process, on private topics (a suffix) and its own group. */
export interface WarningProcess {
  /** Everything it printed (its control log lines say which rule set and silences it applied). */
  output(): string;
  /** Waits until `text` is printed (after output position `from`, when given). */
  waitFor(text: string, what: string, opts?: { ms?: number; from?: number }): Promise<void>;
  stop(): Promise<void>;
}

/** `env` is the test process's own (the int tier's setup points it at this run's database). */
export async function startWarning(
  config: FengqiaoConfig,
  suffix: string,
  env: NodeJS.ProcessEnv,
): Promise<WarningProcess> {
  const main = join(config.repoRoot, 'apps/warning/src/main.ts');
  const args = [
    '-r',
    '@swc-node/register',
    main,
    '--group',
    uniqueName('api-test-warning'),
    '--topic-suffix',
    suffix,
    // Its own /health port: another warning service (npm start's, another spec's) may hold the default.
    '--health-port',
    String(await freePort()),
  ];
  const child = spawn(process.execPath, args, {
    cwd: config.repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer): void => {
    out = (out + d.toString()).slice(-50_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // A spec that fails half-way must not leave the service behind.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const proc: WarningProcess = {
    output: () => out,
    async waitFor(text, what, opts = {}) {
      const deadline = Date.now() + (opts.ms ?? 30_000);
      while (!out.includes(text, opts.from ?? 0)) {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`warning: no ${what}:\n${out.slice(-4000)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
  await proc.waitFor('"message":"started"', 'start', { ms: 60_000 });
  return proc;
}
