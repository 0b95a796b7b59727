import { spawn, type ChildProcess } from 'node:child_process';
import { findRepoRoot } from '@fengqiao/config';
import { freePort, testConfig } from '@fengqiao/testing';

const root = findRepoRoot(__dirname);

export interface ReportsWorker {
  stop(): Promise<void>;
}

/**
 * apps/reports as `npm start` runs it, but serving on-demand requests only (`--requests-only`: the
 * scheduler would fill the small test world with every due report). It has no HTTP port, so it is
 * ready when it logs `started`.
 */
export async function startReportsWorker(timeoutMs = 60_000): Promise<ReportsWorker> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/reports/src/main.ts', '--requests-only'],
    {
      cwd: root,
      // Its own /health port: npm start's reports service may hold the default.
      env: {
        ...process.env,
        FQ_MODE: 'test',
        DATABASE_URL: testConfig().postgres.url,
        FQ_REPORTS_PORT: String(await freePort()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`apps/reports did not start:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      if (out.includes('"message":"started"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`apps/reports exited (${String(code)}):\n${out}`));
    });
  });
  return {
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
