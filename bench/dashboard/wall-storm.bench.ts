import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { findRepoRoot, loadConfig } from '@fengqiao/config';
import { type Alert } from '@fengqiao/contracts';
import { launchChromium, startProcess, freePort, type RunningProcess } from '@fengqiao/testing';
import { signIn } from '../../e2e/src/dashboard-pages';
import { AlertRaiser, STORM_COUNTY, stormOfflineAlert } from '../../e2e/src/wall-fixtures';
import { profileWhile } from './cpu-profile';
import { describeFrames, measureFrames, pct } from './frame-probe';
import { startWorld } from './world';

/**
 * `node -r @swc-node/register bench/dashboard/wall-storm.bench.ts [--storm 500] [--measured 15]
 *   [--rounds 2] [--no-build] [--variant name=<dashboard dir>]... [--profile-seconds 15]`
 *
 * The wall's frame work under the grouping storm of issue 20 (wall-grouping.e2e-spec's): `--storm`
 * blue camera-offline alerts of one rule over 3 townships × 2 site types in one county, the wall on
 * that county's view with its groups on screen, then the main thread's work per frame (Chromium
 * trace, frame-work.ts) while one more alert of the storm arrives every second for `--measured` s.
 * Each `--variant` is another built dashboard (e.g. an earlier commit's `apps/dashboard`, built with
 * `vite build` into its own `dist`) served by vite preview against the same API; the variants are
 * measured in turns (a, b, c, a, b, c ...), so a change is judged side by side in one run on the same
 * machine load. Without `--variant`, the checkout's dashboard (built unless `--no-build`). Build
 * variants with NODE_ENV unset or `production`: any other NODE_ENV builds React's development runtime. The storm goes out on the
 * shared alerts topic under a rule of its own, blue only (never a takeover elsewhere).
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? Number.NaN : Number(process.argv[i + 1]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
/** Every `--variant name=dir`, in order. */
const variantsOf = (argv: readonly string[]): [string, string][] =>
  argv.flatMap((a, i) => {
    const v = a === '--variant' ? argv[i + 1] : undefined;
    const at = v?.indexOf('=') ?? -1;
    return v === undefined || at < 1 ? [] : [[v.slice(0, at), v.slice(at + 1)] as [string, string]];
  });
const say = (line: string): void =>
  void process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const RULE = `bench-storm-${randomUUID().slice(0, 8)}`;
const COUNTY = STORM_COUNTY;

const offline = (i: number): Alert => stormOfflineAlert(RULE, i);

/** A built dashboard in another folder, served by vite preview in front of the same API. */
async function previewOf(dir: string, apiUrl: string): Promise<{ url: string; proc: RunningProcess }> {
  const port = await freePort();
  const dashboard = join(findRepoRoot(__dirname), 'apps', 'dashboard');
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [dashboard] })), 'bin', 'vite.js');
  const proc = await startProcess({
    command: process.execPath,
    args: [vite, 'preview', '--port', String(port)],
    cwd: dir,
    env: { ...process.env, FQ_API_PORT: new URL(apiUrl).port },
    readyUrl: `http://127.0.0.1:${port}/`,
  });
  return { url: `http://127.0.0.1:${port}`, proc };
}

const STORM_SHOWN = (total: number): string =>
  `[...document.querySelectorAll('[data-testid=ticker-row]')].filter((r) => (r.getAttribute('data-key') ?? '').startsWith('${RULE}|')).reduce((n, r) => n + Number(r.getAttribute('data-count')), 0) >= ${total}`;

async function wallOn(browser: Browser, url: string, shown: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await signIn(page, url, `/wall?rotation=county.${COUNTY}:3600&takeover=0`, 'wall', 'wall-demo-2026');
  await page.locator('[data-testid=wall][data-live=live]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(STORM_SHOWN(shown), undefined, { timeout: 120_000 });
  await page.waitForTimeout(2000);
  return page;
}

async function main(): Promise<void> {
  const storm = arg('storm', 500);
  const measured = arg('measured', 15);
  const rounds = arg('rounds', 2);
  const profiled = arg('profile-seconds', 0);
  const given = variantsOf(process.argv);
  const world = await startWorld({ build: given.length === 0 && !process.argv.includes('--no-build') });
  const raiser = new AlertRaiser(world.pool, loadConfig().kafka.brokers);
  const previews = await Promise.all(given.map(([, dir]) => previewOf(dir, world.system.apiUrl)));
  const chromium = await launchChromium();
  let n = 0;
  const oneASecond = (page: Page, seconds: number) => async (): Promise<void> => {
    const started = Date.now();
    for (let s = 0; s < seconds; s += 1) {
      await raiser.raise(offline(n));
      n += 1;
      await page.waitForTimeout(Math.max(0, started + (s + 1) * 1000 - Date.now()));
    }
  };
  const p95s = new Map<string, number[]>();
  try {
    const first = Array.from({ length: storm - measured }, (_, i) => offline(i));
    n = first.length;
    await raiser.raiseMany(first);
    say(`storm of ${first.length} raised (rule ${RULE})`);
    const variants: [string, string][] =
      given.length === 0
        ? [['checkout', world.system.dashboardUrl]]
        : given.map(([name], i) => [name, previews[i]?.url ?? '']);
    for (let r = 0; r < rounds; r += 1) {
      for (const [name, url] of variants) {
        const page = await wallOn(chromium.browser, url, n);
        const frames = await measureFrames(chromium.browser, page, oneASecond(page, measured));
        const work = frames.frames.map((f) => f.workMs);
        p95s.set(name, [...(p95s.get(name) ?? []), pct(work, 95)]);
        say(`round ${r + 1}, ${name} dashboard, ${n} storm alerts open:\n${describeFrames(frames)}`);
        if (r === 0 && profiled > 0) {
          say(`${name}, profiled ${profiled} s:\n${await profileWhile(page, oneASecond(page, profiled))}`);
        }
        await page.close();
      }
    }
    for (const [name, xs] of p95s)
      say(`${name}: work p95 per round ${xs.map((x) => x.toFixed(1)).join(', ')} ms`);
  } finally {
    await chromium.close();
    await Promise.all(previews.map((p) => p.proc.stop()));
    await raiser.close();
    await world.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
