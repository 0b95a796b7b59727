import { loadConfig } from '@fengqiao/config';
import { type Alert } from '@fengqiao/contracts';
import { launchChromium } from '@fengqiao/testing';
import { signIn } from '../../e2e/src/dashboard-pages';
import { AlertRaiser, aRedAlert } from '../../e2e/src/wall-fixtures';
import { startWorld } from './world';
import { driveWorldTick } from './world-drive';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? Number.NaN : Number(process.argv[i + 1]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const mib = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MiB`;
const say = (line: string): void =>
  void process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const COLOURS = ['red', 'orange', 'orange', 'blue', 'blue'] as const;

/**
 * `node -r @swc-node/register bench/dashboard/wall-soak.ts [--minutes 60] [--rate 10] [--open 60] [--first 5]`
 *
 * The wall (built, signed in as the wall device, 1920×1080) against the real API for an hour under
 * ten times the nominal alert-change rate (the demo's live simulator makes ~1 alert change a second):
 * `--rate` changes a second, half raises and half resolutions once `--open` alerts are open (a duty
 * room keeps the queue bounded; an ever-growing queue would measure the queue, not a leak), beside
 * hotspot and camera-state changes every second over the full 31,000-camera registry. Samples JS heap
 * after a forced GC and the DOM node count every minute; prints heap at the end ÷ at minute `--first`
 * (issue 6: ≤ 1.10) and the DOM range. The changes go out on the shared alerts topic (as the e2e
 * fixtures' do): a browser test run at the same time sees them and fails; run one or the other.
 */
async function main(): Promise<void> {
  const minutes = arg('minutes', 60);
  const rate = arg('rate', 10);
  const open = arg('open', 60);
  const first = Math.min(arg('first', 5), minutes / 2);
  const world = await startWorld({ build: !process.argv.includes('--no-build'), fullRegistry: true });
  const driver = new AlertRaiser(world.pool, loadConfig().kafka.brokers);
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await signIn(page, world.system.dashboardUrl, '/wall', 'wall', 'wall-demo-2026');
    const sample = async (): Promise<{ heap: number; nodes: number; listeners: number }> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      return { heap, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
    };
    const openAlerts: Alert[] = [];
    let changes = 0;
    let n = 0;
    const samples: { minute: number; heap: number; nodes: number; listeners: number }[] = [];
    const started = Date.now();
    say(
      `wall soak: ${minutes} min at ${rate} alert changes/s (≤ ${open} open), hotspots and cameras every second`,
    );
    for (let second = 1; second <= minutes * 60; second += 1) {
      for (let k = 0; k < rate; k += 1) {
        const resolveOne = openAlerts.length >= open;
        if (resolveOne) await driver.resolve(openAlerts.shift() as Alert);
        else
          openAlerts.push(
            (await driver.raise(aRedAlert(`压测预警 ${(n += 1)}`, {}, COLOURS[n % COLOURS.length]))).alert,
          );
        changes += 1;
      }
      await driveWorldTick(world.pool);
      const due = started + second * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      if (second % 60 === 0) {
        const s = { minute: second / 60, ...(await sample()) };
        samples.push(s);
        const rows = await page.getByTestId('ticker-row').count();
        say(
          `minute ${s.minute}: heap ${mib(s.heap)} · DOM nodes ${s.nodes} · listeners ${s.listeners} · ${changes} changes sent · ${openAlerts.length} open · ${rows} ticker rows`,
        );
      }
    }
    const early = samples.find((s) => s.minute === first) ?? samples[0];
    const late = samples.at(-1);
    if (early === undefined || late === undefined) throw new Error('no samples: run at least one minute');
    const nodes = samples.filter((s) => s.minute >= first).map((s) => s.nodes);
    const achieved = changes / ((Date.now() - started) / 1000);
    const ticker = await page.getByTestId('ticker-row').count();
    process.stdout.write(
      `wall soak: ${minutes} min, ${changes} alert changes (${achieved.toFixed(1)}/s achieved of ${rate}/s) + hotspot/camera changes each second, 31,000-camera registry: heap after GC ${mib(early.heap)} at minute ${early.minute} → ${mib(late.heap)} at the end, ratio ${(late.heap / early.heap).toFixed(3)} (goal ≤ 1.10); DOM nodes from minute ${first} min ${Math.min(...nodes)} max ${Math.max(...nodes)}; ${ticker} ticker rows on screen at the end\n`,
    );
  } finally {
    await chromium.close();
    await driver.close();
    await world.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `wall soak failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
