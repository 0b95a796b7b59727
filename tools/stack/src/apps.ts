import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';

/** A long-running process the start command supervises. */
export interface AppProcess {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Polled until it answers 2xx before the start command reports the system ready. */
  readonly readyUrl?: string;
}

const TS = ['-r', '@swc-node/register'];

/** Vite's CLI script, wherever npm placed the package (hoisted or under apps/dashboard). */
function viteBin(root: string): string {
  return join(
    dirname(require.resolve('vite/package.json', { paths: [join(root, 'apps/dashboard')] })),
    'bin',
    'vite.js',
  );
}

/** Every process of the running system, in start order; entries whose code is absent are skipped. */
export function systemApps(config: FengqiaoConfig): AppProcess[] {
  const root = config.repoRoot;
  const node = (name: string, entry: string, readyUrl?: string): AppProcess | undefined =>
    existsSync(join(root, entry))
      ? { name, command: process.execPath, args: [...TS, entry], cwd: root, readyUrl }
      : undefined;
  const candidates: (AppProcess | undefined)[] = [
    node('ingest', 'apps/ingest/src/main.ts', `http://${config.host}:${config.ingest.port}/health`),
    node('api', 'apps/api/src/main.ts', `http://${config.host}:${config.api.port}/api/health`),
    node('simulator', 'apps/simulator/src/main.ts'),
    {
      name: 'dashboard',
      command: process.execPath,
      args: [viteBin(root), '--port', String(config.dashboard.port)],
      cwd: join(root, 'apps/dashboard'),
      readyUrl: `http://${config.host}:${config.dashboard.port}/`,
    },
  ];
  return candidates.filter((a): a is AppProcess => a !== undefined);
}
