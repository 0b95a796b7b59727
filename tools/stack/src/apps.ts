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
  /** Started only once this background step has ended (or at once when there is no such step). */
  readonly after?: string;
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

/** A one-shot command `npm start` runs, in order, after the stack is up and before the apps. */
export interface SetupStep {
  readonly name: string;
  readonly args: readonly string[];
  /** Runs beside the apps instead of before them (long, and nothing waits on it). */
  readonly background: boolean;
}

/** Demo data and demo users; each step is idempotent, so a second start only checks and skips. */
export function setupSteps(config: FengqiaoConfig): SetupStep[] {
  // The 90-day history takes minutes on a first start: the wall is live from the simulator meanwhile
  // and the trend panels fill in when it finishes.
  const steps: [string, string, boolean][] = [
    ['seed', 'apps/simulator/src/seed.ts', false],
    ['users', 'apps/api/src/seed-users.ts', false],
    ['history', 'apps/simulator/src/history.ts', true],
  ];
  return steps
    .filter(([, entry]) => existsSync(join(config.repoRoot, entry)))
    .map(([name, entry, background]) => ({ name, args: [...TS, entry], background }));
}

function withAfter(app: AppProcess | undefined, step: string): AppProcess | undefined {
  return app === undefined ? undefined : { ...app, after: step };
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
    node('warning', 'apps/warning/src/main.ts', `http://${config.host}:${config.warning.port}/health`),
    // GB/T 28181 devices and platforms register here (SIP on FQ_GB28181_SIP_PORT); after the ingest.
    node('gb28181', 'apps/gb28181/src/main.ts', `http://${config.host}:${config.gb28181.httpPort}/health`),
    node('api', 'apps/api/src/main.ts', `http://${config.host}:${config.api.port}/api/health`),
    // Alert changes → duty rosters → channels (issue 16); after the warning service that raises them.
    node('notify', 'apps/notify/src/main.ts', `http://${config.host}:${config.notify.port}/health`),
    // After the history: a report stored while the 90 days are still loading would stay incomplete.
    withAfter(node('reports', 'apps/reports/src/main.ts'), 'history'),
    node('media', 'apps/media/src/main.ts', `http://${config.host}:${config.media.httpPort}/health`),
    // Demo only: synthetic cameras (test pattern, id and clock burned in) for real registry ids.
    config.mode === 'production' ? undefined : node('cameras', 'apps/media/src/cameras/main.ts'),
    // After the media service answers: it stores the snapshots the simulator's analytics events
    // reference (PUT /snapshots, decision 0020); started before it, the first uploads failed.
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
