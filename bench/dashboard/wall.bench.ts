import { type Page } from 'playwright-core';
import { loadConfig } from '@fengqiao/config';
import { launchChromium } from '@fengqiao/testing';
import { signIn } from '../../e2e/src/dashboard-pages';
import { AlertRaiser, aRedAlert } from '../../e2e/src/wall-fixtures';
import { bundleSizes } from './bundle-sizes';
import { profileWhile } from './cpu-profile';
import { describeFrames, measureFrames, pct } from './frame-probe';
import { startWorld, type World } from './world';
import { driveWorldTick } from './world-drive';

/**
 * The wall in headless Chromium against the real API over the full 31,000-camera registry: (0) the
 * built bundle's sizes, raw and gzip, (1) first load of the built, signed-in /wall until the first
 * alert row is on screen, (2) frames while an alert arrives every second and the hotspot and camera
 * sources change every second (the API streams hotspots as deltas every 5 s, cameras every 5 s): the
 * rAF interval, which headless Chromium paces at 60 Hz, beside the main thread's work per frame from a
 * Chromium trace (frame-work.ts), the figure the issue's "p95 ≤ 16 ms" is about.
 * `node -r @swc-node/register bench/dashboard/wall.bench.ts [--loads 5] [--seconds 60] [--no-build]
 *   [--trace-out wall-trace.json] [--profile-seconds 20]` (the trace opens in DevTools' Performance
 * panel; the profile, taken after the measurement, names the JavaScript the frames spend their time in)
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};

/** One new alert a second (the ticker, map markers and open-alert tile re-render) and the world's tick. */
function driver(world: World, raiser: AlertRaiser, page: Page, seconds: number): () => Promise<void> {
  return async () => {
    const started = Date.now();
    for (let s = 0; s < seconds; s += 1) {
      await raiser.raise(aRedAlert(`基准测试 ${s}`, {}, s % 3 === 0 ? 'red' : 'orange'));
      await driveWorldTick(world.pool);
      await page.waitForTimeout(Math.max(0, started + (s + 1) * 1000 - Date.now()));
    }
  };
}

async function firstLoads(page: Page, world: World): Promise<string> {
  await signIn(page, world.system.dashboardUrl, '/wall', 'wall', 'wall-demo-2026');
  const loads: number[] = [];
  for (let i = 0; i < arg('loads', 5); i += 1) {
    const started = Date.now();
    await page.reload();
    await page.getByTestId('ticker-row').first().waitFor({ timeout: 20_000 });
    loads.push(Date.now() - started);
  }
  // A red raised in the last two minutes holds the wall (incident mode), which has no overview map.
  const map = await page.evaluate<string>(
    "document.querySelector('section.map')?.getAttribute('data-map-source') ?? 'incident view, no overview'",
  );
  return `first alert on a reloaded /wall, ms: median ${pct(loads, 50)} · max ${Math.max(...loads)} (${loads.join(', ')}) · ${map} district map`;
}

async function main(): Promise<void> {
  const world = await startWorld({ build: !process.argv.includes('--no-build'), fullRegistry: true });
  process.stdout.write(`${bundleSizes()}\n`);
  const raiser = new AlertRaiser(world.pool, loadConfig().kafka.brokers);
  const chromium = await launchChromium();
  try {
    await raiser.raise(aRedAlert('基准测试 红色预警'));
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    process.stdout.write(`${await firstLoads(page, world)}\n`);
    const seconds = arg('seconds', 60);
    const drive = driver(world, raiser, page, seconds);
    const frames = await measureFrames(chromium.browser, page, drive, option('trace-out'));
    process.stdout.write(
      `wall frames over ${seconds} s with 1 alert/s and hotspot/camera changes each second:\n${describeFrames(frames)}\n`,
    );
    const profiled = arg('profile-seconds', 0);
    if (profiled > 0) {
      const profile = await profileWhile(page, driver(world, raiser, page, profiled));
      process.stdout.write(`the same load for ${profiled} s under V8's sampling profiler:\n${profile}\n`);
    }
  } finally {
    await chromium.close();
    await raiser.close();
    await world.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
