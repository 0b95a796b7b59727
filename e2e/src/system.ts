import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { findRepoRoot } from '@fengqiao/config';
import { freePort, startProcess, testConfig, type RunningProcess } from '@fengqiao/testing';

export interface RunningSystem {
  readonly dashboardUrl: string;
  readonly apiUrl: string;
  /** Stops the API (SIGTERM) and starts it again on the same port, as a deployment would. */
  restartApi(): Promise<void>;
  stop(): Promise<void>;
}

const root = findRepoRoot(__dirname);

/** Builds the dashboard and serves it (vite preview) in front of a real API on free ports. */
export async function startSystem(): Promise<RunningSystem> {
  return startSystemOn(testConfig().postgres.url);
}

/** The same against any database (the dashboard benchmarks use one of their own). */
export async function startSystemOn(
  databaseUrl: string,
  options: { build?: boolean } = {},
): Promise<RunningSystem> {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    FQ_MODE: 'test',
    FQ_API_PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
  };
  const vite = join(
    dirname(require.resolve('vite/package.json', { paths: [join(root, 'apps/dashboard')] })),
    'bin',
    'vite.js',
  );
  if (options.build !== false) buildDashboard(vite, env);
  const startApi = (): Promise<RunningProcess> =>
    startProcess({
      command: process.execPath,
      args: ['-r', '@swc-node/register', 'apps/api/src/main.ts'],
      cwd: root,
      env,
      readyUrl: `http://127.0.0.1:${apiPort}/api/health`,
    });
  let api: RunningProcess | undefined;
  let web: RunningProcess | undefined;
  try {
    api = await startApi();
    web = await startProcess({
      command: process.execPath,
      args: [vite, 'preview', '--port', String(webPort)],
      cwd: join(root, 'apps/dashboard'),
      env,
      readyUrl: `http://127.0.0.1:${webPort}/`,
    });
  } catch (err) {
    await Promise.all([api?.stop(), web?.stop()]);
    throw err;
  }
  const running = { api, web };
  return {
    dashboardUrl: `http://127.0.0.1:${webPort}`,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    restartApi: async () => {
      await running.api.stop();
      running.api = await startApi();
    },
    stop: async () => {
      await Promise.all([running.api.stop(), running.web.stop()]);
    },
  };
}

function buildDashboard(vite: string, env: NodeJS.ProcessEnv): void {
  // The build a wall runs: jest sets NODE_ENV=test, and vite builds React's development runtime
  // (jsxDEV, ~22 % of the wall's JavaScript under the grouping storm) for any NODE_ENV but production.
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: join(root, 'apps/dashboard'),
    env: { ...env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`dashboard build failed:\n${build.stdout}${build.stderr}`);
}

/** Where browser tests put their screenshots, for a person to look at. */
export const SCREENSHOT_DIR = join(root, '.stack', 'test-results', 'screenshots');
