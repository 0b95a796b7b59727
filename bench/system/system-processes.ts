import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { freePort } from '@fengqiao/testing';
import { startPipeline, type RunningConsumer } from '../ingest/consumers';
import { stopChild } from '../ingest/throughput';

/** One app of the system, started from its own main.ts as a real process. */
export interface AppProcess {
  readonly name: 'ingest' | 'warning' | 'api' | 'reports';
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface RunningSystem {
  readonly apps: readonly AppProcess[];
  readonly apiUrl: string;
  /** Events the ingest has stored or dead-lettered (its /metrics). */
  ingested(): Promise<number>;
  stop(): Promise<void>;
}

async function waitHealthy(url: string, what: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await fetch(url).catch(() => undefined))?.status !== 200) {
    if (child.exitCode !== null)
      throw new Error(`${what} exited with ${child.exitCode} before it was healthy`);
    if (Date.now() > deadline) throw new Error(`${what} did not become healthy at ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** `profile`: the apps to run with --cpu-prof (the profile is written into `profileDir` when they stop). */
export interface SystemOptions {
  readonly suffix: string;
  readonly warningGroup: string;
  readonly alertsTopic: string;
  readonly profile: readonly string[];
  readonly profileDir: string;
}

function envFor(config: FengqiaoConfig, extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: config.postgres.url, FQ_LOG_LEVEL: 'warn', ...extra };
}

async function startApp(
  config: FengqiaoConfig,
  name: AppProcess['name'],
  spec: { entry: string; args: string[]; env: NodeJS.ProcessEnv; health: string },
  o: SystemOptions,
): Promise<AppProcess> {
  // --cpu-prof is refused in NODE_OPTIONS: it goes on the command line.
  const prof = o.profile.includes(name) ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [];
  const argv = [...prof, '-r', '@swc-node/register', join(config.repoRoot, spec.entry), ...spec.args];
  // Their stdout (JSON logs) is not read; errors (stderr) show beside the bench's lines.
  const child = spawn(process.execPath, argv, {
    cwd: config.repoRoot,
    env: spec.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitHealthy(spec.health, name, child);
  return { name, pid: child.pid, stop: () => stopChild(child) };
}

/**
 * Ingest, warning, API and the reports scheduler, each from its main.ts, on the bench database and
 * the private topics `<topic>.<suffix>`; started one after the other, each healthy before the next.
 */
export async function startSystem(config: FengqiaoConfig, o: SystemOptions): Promise<RunningSystem> {
  // The ingest as bench/ingest starts it (its /metrics counts what it committed); not profiled here.
  const ingest: RunningConsumer = await startPipeline(config, o.suffix);
  const warningPort = await freePort();
  const warning = await startApp(
    config,
    'warning',
    {
      entry: 'apps/warning/src/main.ts',
      args: ['--topic-suffix', o.suffix, '--group', o.warningGroup, '--health-port', String(warningPort)],
      env: envFor(config, {}),
      health: `http://127.0.0.1:${warningPort}/health`,
    },
    o,
  );
  const apiPort = await freePort();
  const api = await startApp(
    config,
    'api',
    {
      entry: 'apps/api/src/main.ts',
      args: ['--alerts-topic', o.alertsTopic],
      env: envFor(config, { FQ_API_PORT: String(apiPort) }),
      health: `http://127.0.0.1:${apiPort}/api/health`,
    },
    o,
  );
  const reportsPort = await freePort();
  const reports = await startApp(
    config,
    'reports',
    {
      entry: 'apps/reports/src/main.ts',
      args: [],
      env: envFor(config, { FQ_REPORTS_PORT: String(reportsPort) }),
      health: `http://127.0.0.1:${reportsPort}/health`,
    },
    o,
  );
  const apps: AppProcess[] = [
    { name: 'ingest', pid: ingest.pid, stop: () => ingest.stop() },
    warning,
    api,
    reports,
  ];
  return {
    apps,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    ingested: () => ingest.count(),
    // The reverse order of the start: nothing consumes from a stopped producer of its input.
    stop: async () => {
      for (const a of [...apps].reverse()) await a.stop();
    },
  };
}
