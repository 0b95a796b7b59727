import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';

/** The ingest as a separate OS process (apps/ingest/src/main.ts), so a test can SIGKILL it. */
export interface IngestProcess {
  readonly child: ChildProcess;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function spawnIngest(
  config: FengqiaoConfig,
  options: { group: string; suffix: string; port: number; env: NodeJS.ProcessEnv },
): Promise<IngestProcess> {
  const args = ['-r', '@swc-node/register', join(config.repoRoot, 'apps/ingest/src/main.ts')];
  args.push('--group', options.group, '--topic-suffix', options.suffix, '--port', String(options.port));
  // A short session, so the group notices a killed member in seconds rather than the default.
  args.push('--session-timeout-ms', '6000');
  const child = spawn(process.execPath, args, {
    cwd: config.repoRoot,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer): void => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const proc: IngestProcess = {
    child,
    output: () => out,
    kill: (signal) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ingest exited with ${child.exitCode}:\n${out}`);
    const res = await fetch(`http://${config.host}:${options.port}/health`).catch(() => undefined);
    if (res?.status === 200) return proc;
    await new Promise((r) => setTimeout(r, 250));
  }
  await proc.kill('SIGKILL');
  throw new Error(`ingest did not become healthy:\n${out}`);
}
