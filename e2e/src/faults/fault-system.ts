import { spawn } from 'node:child_process';
import { findRepoRoot } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { ManagedProcess, TcpProxy, freePort, type Readiness } from '@fengqiao/testing';
import { startFaultInfra, type FaultInfra } from './fault-infra';

const root = findRepoRoot(__dirname);
const TS = ['-r', '@swc-node/register'];
/** Short sessions: a killed member's partitions move in seconds (the production default is 30 s). */
export const SESSION_TIMEOUT_MS = 6000;

export interface FaultSystemShape {
  readonly brokers: number;
  readonly ingests: number;
  readonly warnings: number;
  readonly apis: number;
}

/**
 * The real apps as child processes on the tier's private PostgreSQL (through a proxy the tier can
 * cut) and private Kafka: `ingests` ingest and `warnings` warning instances (one consumer group
 * each), `apis` API instances. Every process can be killed and restarted with the same spec.
 */
export interface FaultSystem {
  readonly infra: FaultInfra;
  readonly proxy: TcpProxy;
  /** Direct to the private server (not through the proxy): the checks work while apps are cut off. */
  readonly pool: DbPool;
  readonly ingests: ManagedProcess[];
  readonly warnings: ManagedProcess[];
  readonly apis: ManagedProcess[];
  apiUrls(): string[];
  /** The API's `verify-audit` command against the private database: ok when the chain is intact. */
  verifyAudit(): Promise<{ ok: boolean; output: string }>;
  stop(): Promise<void>;
}

/**
 * Runs a one-shot script to its end without blocking this process: the proxy the apps talk through
 * lives in this event loop (a spawnSync would cut every app off meanwhile).
 */
function runScript(entry: string, env: NodeJS.ProcessEnv): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...TS, entry], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ ok: code === 0, output: output.trim() }));
  });
}

/**
 * The API serves when its database, brokers and live alert stream are up; other components of its
 * health report (which engine answers, say) do not stop it serving walls.
 */
function apiServes(status: number, body: string): boolean {
  if (status === 200) return true;
  try {
    const report = JSON.parse(body) as { components?: { name: string; ok: boolean }[] };
    const needed = ['postgres', 'kafka', 'live-alerts'];
    return needed.every((n) => report.components?.find((c) => c.name === n)?.ok === true);
  } catch {
    return false;
  }
}

async function appProcesses(shape: FaultSystemShape, env: NodeJS.ProcessEnv) {
  const node = (name: string, entry: string, args: string[], ready: Readiness, extra = {}): ManagedProcess =>
    new ManagedProcess({
      name,
      command: process.execPath,
      args: [...TS, entry, ...args],
      cwd: root,
      env: { ...env, ...extra },
      ready,
      // A restart compiles the app again: 30-70 s at a load average of 20+ on the 2-core machine.
      readyTimeoutMs: 180_000,
    });
  const session = ['--session-timeout-ms', String(SESSION_TIMEOUT_MS)];
  const ingests: ManagedProcess[] = [];
  for (let i = 0; i < shape.ingests; i++) {
    const port = await freePort();
    ingests.push(
      node(`ingest-${i + 1}`, 'apps/ingest/src/main.ts', ['--port', String(port), ...session], {
        url: `http://127.0.0.1:${port}/health`,
      }),
    );
  }
  const warnings: ManagedProcess[] = [];
  for (let i = 0; i < shape.warnings; i++) {
    const port = await freePort();
    warnings.push(
      node(
        `warning-${i + 1}`,
        'apps/warning/src/main.ts',
        session,
        { text: '"message":"started"' },
        { FQ_WARNING_PORT: String(port) },
      ),
    );
  }
  const apis: ManagedProcess[] = [];
  for (let i = 0; i < shape.apis; i++) {
    const port = await freePort();
    apis.push(
      node(
        `api-${i + 1}`,
        'apps/api/src/main.ts',
        [],
        { url: `http://127.0.0.1:${port}/api/health`, accept: apiServes },
        {
          FQ_API_PORT: String(port),
        },
      ),
    );
  }
  return { ingests, warnings, apis };
}

export async function startFaultSystem(
  shape: FaultSystemShape,
  say: (line: string) => void,
): Promise<FaultSystem> {
  const infra = await startFaultInfra(shape.brokers, say);
  say(`private PostgreSQL and ${shape.brokers} Kafka node(s) ready`);
  const direct = new URL(infra.pg.postgres.url);
  const proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port) });
  const viaProxy = new URL(direct.toString());
  viaProxy.port = String(proxy.port);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FQ_MODE: 'test',
    FQ_LOG_LEVEL: 'warn',
    DATABASE_URL: viaProxy.toString(),
    FQ_KAFKA_BROKERS: infra.kafka.brokers.join(','),
  };
  const pool = createPool(infra.pg.postgres.url, { max: 3, applicationName: 'fq-faults-check' });
  const apps = await appProcesses(shape, env);
  const all = [...apps.ingests, ...apps.warnings, ...apps.apis];
  const stop = async (): Promise<void> => {
    await Promise.all(all.map((p) => p.kill('SIGTERM')));
    await pool.end();
    await proxy.cut();
    await infra.stop();
  };
  try {
    const seeded = await runScript('apps/api/src/seed-users.ts', env);
    if (!seeded.ok) throw new Error(`seed-users failed:\n${seeded.output}`);
    // One at a time: each start compiles and connects, and the machine has two cores.
    for (const p of all) {
      await p.start();
      say(`${p.spec.name}: ready`);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    infra,
    proxy,
    pool,
    ...apps,
    apiUrls: () =>
      apps.apis.filter((a) => a.running()).map((a) => `http://127.0.0.1:${a.spec.env.FQ_API_PORT}`),
    verifyAudit: () =>
      runScript('apps/api/src/verify-audit.ts', { ...env, DATABASE_URL: infra.pg.postgres.url }),
    stop,
  };
}
