import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Page } from 'playwright-core';
import { CameraFleet } from '@fengqiao/media/src/cameras/camera-fleet';
import {
  freeMediaPorts,
  playToken,
  publishUrl,
  startMediaProcess,
  StatusWatch,
  until,
  type MediaPorts,
} from '@fengqiao/media/src/testing/media-harness';
import {
  freePort,
  launchChromium,
  startProcess,
  testConfig,
  type LaunchedBrowser,
  type RunningProcess,
} from '@fengqiao/testing';
import { SCREENSHOT_DIR } from './system';

const CAMERA = '51190201011318000040';
const config = testConfig();

/** The Vite dev server of the dashboard, which serves the tile harness page. */
async function startVite(): Promise<{ url: string; process: RunningProcess }> {
  const port = await freePort();
  const dashboard = join(config.repoRoot, 'apps/dashboard');
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [dashboard] })), 'bin', 'vite.js');
  const url = `http://127.0.0.1:${port}`;
  const proc = await startProcess({
    command: process.execPath,
    args: [vite, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    cwd: dashboard,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    readyUrl: `${url}/src/video/harness/index.html`,
  });
  return { url, process: proc };
}

async function currentTime(page: Page): Promise<number> {
  return page.locator('video').evaluate((v) => (v as unknown as { currentTime: number }).currentTime);
}

async function tileState(page: Page): Promise<string | null> {
  return page.getByTestId('video-tile').getAttribute('data-state');
}

describe('a video tile in headless Chromium', () => {
  let ports: MediaPorts;
  let media: RunningProcess;
  let watch: StatusWatch;
  let vite: { url: string; process: RunningProcess };
  let chromium: LaunchedBrowser;
  let camera: CameraFleet | undefined;
  const startCamera = (): CameraFleet => {
    const fleet = new CameraFleet(
      [{ cameraId: CAMERA, size: '320x180', publishUrl: publishUrl(config, ports.rtmp, CAMERA) }],
      () => undefined,
    );
    fleet.start();
    return fleet;
  };

  beforeAll(async () => {
    ports = await freeMediaPorts();
    const started = await StatusWatch.start(config);
    watch = started.watch;
    media = await startMediaProcess(config, ports, started.topic);
    vite = await startVite();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await camera?.stop();
    await chromium?.close();
    await vite?.process.stop();
    await media?.stop();
    await watch?.stop();
  });

  it('plays (video time advances), shows offline when the camera drops, and plays again when it returns', async () => {
    camera = startCamera();
    await watch.waitFor(CAMERA, true);
    const hls = `http://127.0.0.1:${ports.http}/hls/${CAMERA}/index.m3u8?token=${encodeURIComponent(playToken(config, CAMERA, 600))}`;
    const page = await chromium.browser.newPage({ viewport: { width: 700, height: 420 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const q = new URLSearchParams({ camera: CAMERA, name: '巴州区望京街道北门社区', region: '巴州区', hls });
    await page.goto(`${vite.url}/src/video/harness/index.html?${q.toString()}`);

    await until(
      'the tile to play',
      async () => ((await tileState(page)) === 'playing' ? true : undefined),
      40_000,
    );
    const t0 = await currentTime(page);
    await page.waitForTimeout(3000);
    expect((await currentTime(page)) - t0).toBeGreaterThan(2);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'video-tile-playing.png') });

    await camera.stop();
    await until(
      'the tile to say offline',
      async () => ((await tileState(page)) === 'offline' ? true : undefined),
      40_000,
    );
    expect(await page.getByTestId('video-tile').textContent()).toContain('离线');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'video-tile-offline.png') });

    camera = startCamera();
    await until(
      'the tile to play again',
      async () => ((await tileState(page)) === 'playing' ? true : undefined),
      40_000,
    );
    const t1 = await currentTime(page);
    await page.waitForTimeout(3000);
    expect((await currentTime(page)) - t1).toBeGreaterThan(2);
    expect(errors).toEqual([]);
  });

  it('plays HTTP-FLV through mpegts.js for a focused tile', async () => {
    camera ??= startCamera();
    const token = encodeURIComponent(playToken(config, CAMERA, 600));
    const base = `http://127.0.0.1:${ports.http}`;
    const q = new URLSearchParams({
      camera: CAMERA,
      hls: `${base}/hls/${CAMERA}/index.m3u8?token=${token}`,
      flv: `${base}/flv/${CAMERA}.flv?token=${token}`,
    });
    const page = await chromium.browser.newPage();
    await page.goto(`${vite.url}/src/video/harness/index.html?${q.toString()}`);
    await until(
      'the FLV tile to play',
      async () => ((await tileState(page)) === 'playing' ? true : undefined),
      40_000,
    );
    const t0 = await currentTime(page);
    await page.waitForTimeout(2000);
    expect((await currentTime(page)) - t0).toBeGreaterThan(1.2);
    await page.close();
  });

  it('stays dark with a token for another camera', async () => {
    const other = '51190301011318000015';
    const hls = `http://127.0.0.1:${ports.http}/hls/${CAMERA}/index.m3u8?token=${encodeURIComponent(playToken(config, other))}`;
    const page = await chromium.browser.newPage();
    await page.goto(
      `${vite.url}/src/video/harness/index.html?${new URLSearchParams({ camera: CAMERA, hls }).toString()}`,
    );
    await until(
      'the tile to refuse',
      async () => ((await tileState(page)) === 'denied' ? true : undefined),
      20_000,
    );
  });
});
