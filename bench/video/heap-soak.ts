import { loadConfig } from '@fengqiao/config';
import { launchChromium } from '@fengqiao/testing';
import {
  freeMediaPorts,
  playToken,
  startMediaProcess,
  StatusWatch,
  until,
} from '../../apps/media/src/testing/media-harness';
import { encodedSample, startSamplePushers } from './sample-pushers';
import { flag, startVite } from './bench-env';

const mib = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MiB`;

/**
 * `node -r @swc-node/register bench/video/heap-soak.ts [--tiles 16] [--minutes 60] [--first 5]`
 * A 16-tile HLS wall (the dashboard's VideoTile, hls.js) in headless Chromium for an hour: JS heap
 * after a forced GC at minute `first` and at the end, their ratio (goal ≤ 1.15), and whether every
 * tile's video time kept advancing.
 */
async function main(): Promise<void> {
  const tiles = flag('tiles', 16);
  const minutes = flag('minutes', 60);
  const first = Math.min(flag('first', 5), minutes / 2);
  const config = loadConfig();
  const file = encodedSample(config, { size: '320x180', kbps: 300, seconds: 20 });
  const ports = await freeMediaPorts();
  const { watch, topic } = await StatusWatch.start(config);
  const media = await startMediaProcess(config, ports, topic, ['--heartbeat-ms', '60000']);
  const ids = Array.from({ length: tiles }, (_, i) => `511902010113180${String(95000 + i)}`);
  const pushers = startSamplePushers(
    config,
    ports.rtmp,
    file,
    ids,
    (l) => void process.stderr.write(`${l}\n`),
  );
  const vite = await startVite(config.repoRoot);
  const chromium = await launchChromium();
  const say = (l: string): void => void process.stdout.write(`${new Date().toISOString()} ${l}\n`);
  try {
    await until(
      'all streams live',
      async () => {
        const h = (await (await fetch(`http://127.0.0.1:${ports.http}/health`)).json()) as { live: string[] };
        return h.live.length === tiles ? true : undefined;
      },
      60_000,
    );
    const page = await chromium.browser.newPage({ viewport: { width: 1600, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    const param = ids.map((id) => `${id}:${playToken(config, id, 3 * 3600)}`).join(',');
    const q = new URLSearchParams({ media: `http://127.0.0.1:${ports.http}`, tiles: param });
    await page.goto(`${vite.url}/src/video/harness/wall.html?${q.toString()}`);
    await page
      .locator('[data-state="playing"]')
      .nth(tiles - 1)
      .waitFor({ timeout: 120_000 });
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const videoTimes = (): Promise<number[]> =>
      page.evaluate<number[]>("[...document.querySelectorAll('video')].map((v) => v.currentTime)");
    say(`${tiles} tiles playing; soaking ${minutes} min (heap compared at minute ${first} and at the end)`);
    await page.waitForTimeout(first * 60_000);
    const early = await heap();
    const t0 = await videoTimes();
    say(`minute ${first}: heap ${mib(early)}`);
    for (let m = first; m < minutes; m += 5) {
      await page.waitForTimeout(Math.min(5, minutes - m) * 60_000);
      say(`minute ${Math.min(m + 5, minutes)}: heap ${mib(await heap())}`);
    }
    const late = await heap();
    const t1 = await videoTimes();
    const span = (minutes - first) * 60;
    const advanced = t1.map((t, i) => (t - (t0[i] ?? 0)) / span).sort((a, b) => a - b);
    const advancing = advanced.filter((r) => r >= 0.9).length;
    say(
      `video time advanced ÷ wall time per tile: min ${advanced[0]?.toFixed(2)}, median ${advanced[Math.floor(tiles / 2)]?.toFixed(2)}, max ${advanced.at(-1)?.toFixed(2)}`,
    );
    const playing = await page.locator('[data-state="playing"]').count();
    say(
      `heap soak: ${tiles} HLS tiles, ${minutes} min: heap ${mib(early)} at minute ${first} → ${mib(late)} at the end, ratio ${(late / early).toFixed(3)} (goal ≤ 1.15); ${advancing}/${tiles} tiles' video time advanced ≥ 90 % of wall time; ${playing} tiles playing at the end`,
    );
  } finally {
    await chromium.close();
    await vite.process.stop();
    await pushers.stop();
    await media.stop();
    await watch.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `heap soak failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
