import { loadConfig } from '@fengqiao/config';
import { launchChromium } from '@fengqiao/testing';
import { signIn } from '../../e2e/src/dashboard-pages';
import { AlertRaiser, aRedAlert } from '../../e2e/src/wall-fixtures';
import { bundleSizes } from './bundle-sizes';
import { startWorld } from './world';
import { driveWorldTick } from './world-drive';

/**
 * The wall in headless Chromium against the real API over the full 31,000-camera registry: (0) the
 * built bundle's sizes, raw and gzip, (1) first load of the built, signed-in /wall until the first
 * alert row is on screen, (2) frame times while an alert arrives every second and the hotspot and
 * camera sources change every second (the API streams hotspots as deltas every 5 s, cameras every 5 s).
 * `node -r @swc-node/register bench/dashboard/wall.bench.ts [--loads 5] [--seconds 60] [--no-build]`
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const pct = (xs: readonly number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

// Frame durations from requestAnimationFrame, collected in the page (a string: no DOM types here).
const RECORD_FRAMES = `(() => { window.__frames = []; let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick); })()`;

async function main(): Promise<void> {
  const world = await startWorld({ build: !process.argv.includes('--no-build'), fullRegistry: true });
  process.stdout.write(`${bundleSizes()}\n`);
  const raiser = new AlertRaiser(world.pool, loadConfig().kafka.brokers);
  const chromium = await launchChromium();
  try {
    await raiser.raise(aRedAlert('基准测试 红色预警'));
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(page, world.system.dashboardUrl, '/wall', 'wall', 'wall-demo-2026');
    const loads: number[] = [];
    for (let i = 0; i < arg('loads', 5); i += 1) {
      const started = Date.now();
      await page.reload();
      await page.getByTestId('ticker-row').first().waitFor({ timeout: 20_000 });
      loads.push(Date.now() - started);
    }
    process.stdout.write(
      `first alert on a reloaded /wall, ms: median ${pct(loads, 50)} · max ${Math.max(...loads)} (${loads.join(', ')})\n`,
    );
    await page.evaluate(RECORD_FRAMES);
    const seconds = arg('seconds', 60);
    for (let s = 0; s < seconds; s += 1) {
      // One new alert a second: the ticker, map markers and open-alert tile all re-render.
      await raiser.raise(aRedAlert(`基准测试 ${s}`, {}, s % 3 === 0 ? 'red' : 'orange'));
      await driveWorldTick(world.pool);
      await page.waitForTimeout(1000);
    }
    const frames = await page.evaluate<number[]>('window.__frames');
    process.stdout.write(
      `wall frames over ${seconds} s with 1 alert/s: ${frames.length} frames · p50 ${pct(frames, 50).toFixed(1)} ms · p95 ${pct(frames, 95).toFixed(1)} ms · p99 ${pct(frames, 99).toFixed(1)} ms\n`,
    );
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
