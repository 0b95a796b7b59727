import { randomInt, randomUUID } from 'node:crypto';
import { findRepoRoot } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { FULL_HD, signIn } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers } from './wall-fixtures';

// Issue 15, 视频质量诊断 on screen: the prober's verdict in camera_state becomes a badge on the
// camera view's row and on the wall's video tile, only for a fault of a camera that is up.
const root = findRepoRoot(__dirname);
const TOWNSHIP = '511921001';
/** This run's own id prefix: the search by it lists only the cameras made here. */
const PREFIX = `511921${String(randomInt(0, 1e9)).padStart(9, '0')}`;
const FROZEN = `${PREFIX}00001`;
const FINE = `${PREFIX}00002`;
const DARK = `${PREFIX}00003`;

const sample = (verdict: string, frozenS: number, blackS: number) =>
  JSON.stringify({ verdict, sampleS: 5, fps: 25, bitrateKbps: 11.5, frozenS, blackS });

describe('the stream health badge on the camera view and on the wall', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let pool: DbPool;
  const errors: string[] = [];

  beforeAll(async () => {
    seedDemoUsers(root);
    pool = createPool(testConfig().postgres.url, { max: 2 });
    const cameras: [string, boolean, string][] = [
      [FROZEN, true, sample('frozen', 4.9, 0)],
      [FINE, true, sample('ok', 0, 0)],
      // Offline already says it all: a black-screen verdict of a dark camera gets no badge.
      [DARK, false, sample('black', 0, 5)],
    ];
    for (const [id, online, health] of cameras) {
      await pool.query(
        `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
         VALUES ($1, $2, 'road', '511921', $3, 107.1, 31.9, 'test', $1, now())`,
        [id, `画质测试 ${id.slice(-1)}`, TOWNSHIP],
      );
      await pool.query(
        `INSERT INTO camera_state (camera_id, online, changed_at, seen_at, health, health_at)
         VALUES ($1, $2, now(), now(), $3::jsonb, now())`,
        [id, online, health],
      );
    }
    system = await startSystem();
    chromium = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await pool?.end();
  });

  it('the camera view shows the frozen camera’s badge with its measurement, none for the fine or the offline one', async () => {
    const page = await chromium.browser.newPage({ viewport: FULL_HD });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, system.dashboardUrl, `/cameras?q=${PREFIX}`, 'officer', 'officer-demo-2026');
    const row = (id: string) => page.locator(`[data-testid=camera-row][data-camera-id="${id}"]`);
    await row(DARK).waitFor();
    const badge = row(FROZEN).getByTestId('camera-health');
    expect(await badge.getAttribute('data-verdict')).toBe('frozen');
    expect(await badge.textContent()).toBe('画面冻结');
    expect(await badge.getAttribute('title')).toContain('冻结 4.9 s');
    expect(await badge.getAttribute('title')).toContain('25 fps');
    expect(await row(FINE).getByTestId('camera-health').count()).toBe(0);
    expect(await row(DARK).getByTestId('camera-health').count()).toBe(0);
    await page.close();
  });

  it('the wall’s video tile of the frozen camera carries the same badge', async () => {
    // Streaming (a media report within the last 90 s) puts the camera on the patrol's first tile.
    await pool.query(
      `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, last_frame_age_ms, source)
       VALUES ($1, now(), $2, true, 0, 'media')`,
      [randomUUID(), FROZEN],
    );
    const wall = await chromium.browser.newPage({ viewport: FULL_HD });
    wall.on('pageerror', (e) => errors.push(e.message));
    await signIn(
      wall,
      system.dashboardUrl,
      `/wall?rotation=video:600&split=4&takeover=0&patrolRegion=${TOWNSHIP}`,
      'wall',
      'wall-demo-2026',
    );
    const tile = wall.locator(`[data-testid=video-tile][data-camera-id="${FROZEN}"]`);
    await tile.waitFor({ timeout: 20_000 });
    const badge = tile.getByTestId('tile-health');
    expect(await badge.getAttribute('data-verdict')).toBe('frozen');
    expect(await badge.textContent()).toBe('画面冻结');
    const fine = wall.locator(`[data-testid=video-tile][data-camera-id="${FINE}"]`);
    if ((await fine.count()) > 0) expect(await fine.getByTestId('tile-health').count()).toBe(0);
    await wall.screenshot({ path: '/tmp/fq-health-badge-wall.png' });
    await wall.close();
  }, 60_000);

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
