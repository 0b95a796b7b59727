import { randomInt, randomUUID } from 'node:crypto';
import { findRepoRoot } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { FULL_HD, signIn } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers } from './wall-fixtures';

const root = findRepoRoot(__dirname);
/** This run's own id prefix: the search by it lists only the cameras made here. */
const PREFIX = `511921${String(randomInt(0, 1e9)).padStart(9, '0')}`;
const STREAMING = `${PREFIX}00001`;
const REACHABLE = `${PREFIX}00002`;

describe('the cameras view shows which cameras are streaming, and filters by it', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let pool: DbPool;

  beforeAll(async () => {
    seedDemoUsers(root);
    pool = createPool(testConfig().postgres.url, { max: 2 });
    for (const id of [STREAMING, REACHABLE]) {
      await pool.query(
        `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
         VALUES ($1, $2, 'road', '511921', '511921001', 107.1, 31.9, 'test', $1, now())`,
        [id, `推流测试 ${id.slice(-1)}`],
      );
      await pool.query(
        'INSERT INTO camera_state (camera_id, online, changed_at, seen_at) VALUES ($1, true, now(), now())',
        [id],
      );
    }
    system = await startSystem();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await pool?.end();
  });

  it('marks the camera the media service reports as streaming, and ?stream=streaming lists only it', async () => {
    // Inserted now, after the build: "streaming" means a media report within the last 90 s.
    await pool.query(
      `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, last_frame_age_ms, source)
       VALUES ($1, now(), $2, true, 0, 'media')`,
      [randomUUID(), STREAMING],
    );
    const page = await chromium.browser.newPage({ viewport: FULL_HD });
    await signIn(page, system.dashboardUrl, `/cameras?q=${PREFIX}`, 'officer', 'officer-demo-2026');
    const row = (id: string) => page.locator(`[data-testid=camera-row][data-camera-id="${id}"]`);
    await row(REACHABLE).waitFor();
    expect(await row(STREAMING).getAttribute('data-stream-state')).toBe('streaming');
    expect(await row(STREAMING).textContent()).toContain('推流中');
    expect(await row(REACHABLE).getAttribute('data-stream-state')).toBe('online');

    await page.getByTestId('camera-stream').selectOption('streaming');
    await page.waitForURL((url) => url.searchParams.get('stream') === 'streaming');
    await row(REACHABLE).waitFor({ state: 'detached' });
    expect(await page.getByTestId('camera-row').count()).toBe(1);
    expect(await row(STREAMING).count()).toBe(1);
    await page.close();
  });
});
