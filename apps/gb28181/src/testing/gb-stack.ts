import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { freePort, startProcess, type RunningProcess } from '@fengqiao/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { createHarness, startIngest, type IngestHarness } from '../../../ingest/src/testing/ingest-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { SimProcess } from '../../../../e2e/src/gb28181/sim-process';

/** The access service as a process, the real ingest on private topics, and the device simulator. */
export interface GbStack {
  readonly harness: IngestHarness;
  readonly gb: RunningProcess;
  readonly sim: SimProcess;
  readonly sipPort: number;
  readonly httpBase: string;
  /** A counter of the service's /metrics (fq_gb28181_<name>). */
  counter(name: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startGbStack(
  config: FengqiaoConfig,
  /** `env`: the access service's whole environment (the caller's plus its FQ_GB28181_* settings). */
  o: { readonly env: NodeJS.ProcessEnv; readonly simArgs: readonly string[] },
): Promise<GbStack> {
  const harness = await createHarness(config);
  // The access service places a channel in a township of its county: give each county one.
  await harness.pool.query(
    `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight)
     SELECT c || '990', 'township', c, '测试镇' || c, 106.75, 31.86, 0
     FROM unnest(ARRAY['511902','511903','511921','511922','511923']) AS c
     ON CONFLICT (code) DO NOTHING`,
  );
  const ingest = await startIngest(config, harness);
  const sipPort = await freePort();
  const httpPort = await freePort();
  const httpBase = `http://127.0.0.1:${httpPort}`;
  const gb = await startProcess({
    command: process.execPath,
    args: [
      '-r',
      '@swc-node/register',
      join(config.repoRoot, 'apps/gb28181/src/main.ts'),
      ...['--sip-port', String(sipPort), '--http-port', String(httpPort), '--topic-suffix', harness.suffix],
    ],
    cwd: config.repoRoot,
    env: o.env,
    readyUrl: `${httpBase}/health`,
  });
  const sim = SimProcess.start(config.repoRoot, ['--server', `127.0.0.1:${sipPort}`, ...o.simArgs]);
  return {
    harness,
    gb,
    sim,
    sipPort,
    httpBase,
    counter: async (name) => {
      const text = await (await fetch(`${httpBase}/metrics`)).text();
      return Number(new RegExp(`^fq_gb28181_${name} (\\d+)$`, 'm').exec(text)?.[1] ?? '0');
    },
    stop: async () => {
      await sim.stop();
      await gb.stop();
      await ingest.app.stop();
      await harness.stop();
    },
  };
}
