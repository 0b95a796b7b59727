import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@fengqiao/config';
import { KPI_TILES, type KpiSnapshot, type KpiTile, type TokenPair } from '@fengqiao/contracts';
import { dropDatabase } from '@fengqiao/db';
// The API's own notion of a tile with a figure (the KPI cache keys on it too).
import { tileHasValue } from '../../apps/api/src/kpis/kpi-values';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? Number.NaN : Number(process.argv[i + 1]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * `node -r @swc-node/register bench/system/time-to-tiles.ts [--fresh] [--timeout 300]`
 *
 * Issue 21's figure: every KPI tile of the wall has a value within a minute of `npm start`. Runs
 * `npm start` (scripts/start.sh, with this environment's ports), signs in as the wall device as soon
 * as the API answers, reads `GET /api/kpis` every 2 s and prints when each tile first had a value,
 * counted from the command's start and from its "Fengqiao is up" line, and when the history's first
 * step said it was done; then stops the command (Ctrl-C, as a person would). `--fresh` drops the demo
 * database first (development mode only), so migrations, seed and history start from nothing, as on
 * a new machine; the stack itself is started by `npm start` if it is not up. The command's output
 * goes to .stack/logs/time-to-tiles.log. As after any Ctrl-C of `npm start`, a stack it started is
 * stopped again.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const timeoutS = arg('timeout', 300);
  if (process.argv.includes('--fresh')) {
    if (config.mode === 'production') throw new Error('--fresh drops the database: not in production mode');
    await dropDatabase(config.postgres.url).catch((err: Error) => {
      // The stack is down: `npm start` creates the database anyway.
      process.stdout.write(`time-to-tiles: database not dropped (${err.message})\n`);
    });
  }
  const logPath = join(config.stack.logDir, 'time-to-tiles.log');
  const log = createWriteStream(logPath);
  const t0 = Date.now();
  const since = (t: number): string => `${((t - t0) / 1000).toFixed(1)} s`;
  const child = spawn('bash', ['scripts/start.sh'], {
    cwd: config.repoRoot,
    env: process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let upAt: number | undefined;
  let firstStepAt: number | undefined;
  let exited = false;
  child.on('exit', () => (exited = true));
  const watch = (chunk: Buffer): void => {
    log.write(chunk);
    const text = chunk.toString('utf8');
    if (upAt === undefined && text.includes('Fengqiao is up')) {
      upAt = Date.now();
      process.stdout.write(`time-to-tiles: "Fengqiao is up" at ${since(upAt)}\n`);
    }
    if (firstStepAt === undefined && /first step done/.test(text)) {
      firstStepAt = Date.now();
      process.stdout.write(`time-to-tiles: history's first step done at ${since(firstStepAt)}\n`);
    }
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', watch);
  const apiUrl = `http://${config.host}:${config.api.port}`;
  const firstValue = new Map<KpiTile, number>();
  let token: string | undefined;
  let last: KpiSnapshot | undefined;
  try {
    while (Date.now() - t0 < timeoutS * 1000 && firstValue.size < KPI_TILES.length && !exited) {
      await sleep(2000);
      try {
        if (token === undefined) {
          const login = await fetch(`${apiUrl}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'wall', password: 'wall-demo-2026' }),
          });
          if (!login.ok) continue;
          token = ((await login.json()) as TokenPair).accessToken;
          process.stdout.write(`time-to-tiles: wall signed in at ${since(Date.now())}\n`);
        }
        const res = await fetch(`${apiUrl}/api/kpis`, { headers: { authorization: `Bearer ${token}` } });
        if (res.status === 401) token = undefined;
        if (!res.ok) continue;
        last = (await res.json()) as KpiSnapshot;
        const now = Date.now();
        for (const tile of KPI_TILES) {
          if (!firstValue.has(tile) && tileHasValue(last, tile)) {
            firstValue.set(tile, now);
            process.stdout.write(`time-to-tiles: ${tile} has a value at ${since(now)}\n`);
          }
        }
      } catch {
        // The API is not listening yet.
      }
    }
  } finally {
    if (!exited && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGINT');
      for (let i = 0; i < 120 && !exited; i += 1) await sleep(500);
    }
    log.end();
  }
  const missing = KPI_TILES.filter((t) => !firstValue.has(t));
  const allAt = missing.length === 0 ? Math.max(...firstValue.values()) : undefined;
  process.stdout.write(
    '\n| tile | first value after `npm start` | after "Fengqiao is up" |\n|---|---|---|\n',
  );
  for (const tile of KPI_TILES) {
    const at = firstValue.get(tile);
    const fromUp = at === undefined || upAt === undefined ? '—' : `${((at - upAt) / 1000).toFixed(1)} s`;
    process.stdout.write(`| ${tile} | ${at === undefined ? 'none' : since(at)} | ${fromUp} |\n`);
  }
  if (last !== undefined)
    process.stdout.write(
      `\njoint-mediation change: ${last.averageCycleHours.jointMediation.changePercent ?? 'none'} %; ` +
        `year on year: ${last.disputesYearOnYear.changePercent ?? 'none'} %\n`,
    );
  process.stdout.write(
    allAt === undefined
      ? `\ntime-to-tiles: ${missing.join(', ')} had no value within ${timeoutS} s (output: ${logPath})\n`
      : `\ntime-to-tiles: every tile had a value ${since(allAt)} after \`npm start\`` +
          (upAt === undefined ? '' : `, ${((allAt - upAt) / 1000).toFixed(1)} s after "Fengqiao is up"`) +
          ` (output: ${logPath})\n`,
  );
  process.exitCode = allAt === undefined ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`time-to-tiles: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
