import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { CameraFleet } from '@fengqiao/media/src/cameras/camera-fleet';
import { snapshotRoot } from '@fengqiao/media/src/media-service';
import {
  freeMediaPorts,
  publishUrl,
  startMediaProcess,
  StatusWatch,
  type MediaPorts,
} from '@fengqiao/media/src/testing/media-harness';
import { renderSnapshot } from '@fengqiao/simulator/src/snapshots/snapshot-render';
import { SnapshotUploader } from '@fengqiao/simulator/src/snapshots/snapshot-uploader';
import { launchChromium, testConfig, type LaunchedBrowser, type RunningProcess } from '@fengqiao/testing';
import { FULL_HD, shootDocs as shoot, signIn, UHD } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import {
  acknowledgeWaitingReds,
  AlertRaiser,
  aRedAlert,
  seedDemoUsers,
  seedWallWorld,
} from './wall-fixtures';

// Issue 20, snapshots (decision 0020): the picture an analytics event references is stored in the
// media service by the simulator's uploader, and the browser reads it with a play grant — in the duty
// console's evidence (with a fallback for one never stored) and in the corner of a video-wall tile and
// of a tile of the main wall's 2×2 patrol slot.
const root = findRepoRoot(__dirname);
const config = testConfig();
// seedWallWorld's 东城街道 of 巴州区, its second camera: no other browser spec streams it.
const CAMERA = '51190201132003000002';
// The township's other camera, never streaming here: a dark tile with a snapshot when a wall shows it.
const DARK_CAMERA = '51190201132003000001';

/** The <img>'s natural width once it has loaded (0 while it has not, or for a broken image). */
const naturalWidth = (page: Page, selector: string): Promise<number> =>
  page.locator(selector).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** What the page measures of one tile (in one pass: the patrol may replace a tile between calls). */
interface TileBoxes {
  readonly id: string;
  readonly tile: Box;
  readonly snapshot: Box;
  /** The state badge, the caption (name, region, health) and a dark tile's label text. */
  readonly info: Box[];
}

/** The slot's tiles that show a snapshot, with their boxes (no DOM types in this project: cast). */
const slotTileBoxes = (page: Page): Promise<TileBoxes[]> =>
  page.getByTestId('video-slot').evaluate((slot) => {
    type Rect = { x: number; y: number; width: number; height: number };
    type El = {
      getAttribute(name: string): string | null;
      getBoundingClientRect(): Rect;
      querySelector(selector: string): El | null;
      querySelectorAll(selector: string): Iterable<El>;
      ownerDocument: {
        createRange(): { selectNodeContents(n: El): void; getBoundingClientRect(): Rect };
      };
    };
    const rect = (r: Rect): Rect => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const textRect = (el: El): Rect => {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      return rect(range.getBoundingClientRect());
    };
    const shown = '[data-testid=video-tile]:has([data-testid=tile-snapshot][data-state=shown])';
    return [...(slot as unknown as El).querySelectorAll(shown)].map((tile) => {
      const part = (selector: string): El[] => [...tile.querySelectorAll(selector)];
      return {
        id: tile.getAttribute('data-camera-id') ?? '',
        tile: rect(tile.getBoundingClientRect()),
        snapshot: rect((tile.querySelector('[data-testid=tile-snapshot]') as El).getBoundingClientRect()),
        info: [
          ...part('.fq-video-tile__state, .fq-video-tile__caption').map((el) =>
            rect(el.getBoundingClientRect()),
          ),
          ...part('.fq-video-tile__blackout').map(textRect),
        ],
      };
    });
  });

describe('analytics snapshots in the duty console, on the video wall and in the main wall’s patrol slot', () => {
  let ports: MediaPorts;
  let media: RunningProcess;
  let watch: StatusWatch;
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let pool: DbPool;
  let raiser: AlertRaiser;
  let fleet: CameraFleet | undefined;
  const errors: string[] = [];
  const stored = `snapshots/${CAMERA}/${Date.now()}.jpg`;

  beforeAll(async () => {
    seedDemoUsers(root);
    pool = createPool(config.postgres.url, { max: 2 });
    await seedWallWorld(pool);
    raiser = new AlertRaiser(pool, config.kafka.brokers);
    ports = await freeMediaPorts();
    const started = await StatusWatch.start(config);
    watch = started.watch;
    media = await startMediaProcess(config, ports, started.topic);
    // The API signs grants for this run's media gateway (the child inherits this environment).
    process.env['FQ_MEDIA_PUBLIC_URL'] = `http://127.0.0.1:${ports.http}`;
    system = await startSystem();
    chromium = await launchChromium();
    const uploader = new SnapshotUploader({
      mediaUrl: `http://127.0.0.1:${ports.http}`,
      mediaSecret: config.media.secret,
      render: renderSnapshot,
      log: (line) => errors.push(line),
    });
    uploader.offer(
      [stored, `snapshots/${DARK_CAMERA}/${Date.now()}.jpg`].map((snapshotRef) => ({
        schema: 'camera.analytics.v1' as const,
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        cameraId: snapshotRef.split('/')[1] ?? '',
        kind: 'crowd' as const,
        confidence: 0.93,
        headCount: 320,
        snapshotRef,
      })),
    );
    await uploader.drain();
    expect(uploader.counters.uploaded).toBe(2);
  }, 300_000);
  afterAll(async () => {
    await fleet?.stop();
    // No longer streaming for the specs after this one (the wall puts streaming cameras first).
    await pool
      ?.query(
        `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, source) VALUES ($1, now(), $2, false, 'media')`,
        [randomUUID(), CAMERA],
      )
      .catch(() => undefined);
    await chromium?.close();
    await system?.stop();
    await media?.stop();
    await watch?.stop();
    await raiser?.close();
    await pool?.end();
    delete process.env['FQ_MEDIA_PUBLIC_URL'];
    if (ports !== undefined) rmSync(snapshotRoot(config, ports.rtmp), { recursive: true, force: true });
  });

  async function pageAs(path: string, user: string, password: string): Promise<Page> {
    const page = await chromium.browser.newPage({ viewport: FULL_HD });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, system.dashboardUrl, path, user, password);
    return page;
  }

  /** CAMERA publishing to this run's media service, which says so: the wall's patrols put it first. */
  async function streamCamera(): Promise<void> {
    if (fleet !== undefined) return;
    fleet = new CameraFleet(
      [{ cameraId: CAMERA, size: '640x360', publishUrl: publishUrl(config, ports.rtmp, CAMERA) }],
      () => undefined,
    );
    fleet.start();
    await watch.waitFor(CAMERA, true);
    // What the media service reports on the real status topic, so the wall puts the camera first.
    await pool.query(
      `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, last_frame_age_ms, source)
       VALUES ($1, now(), $2, true, 0, 'media')`,
      [randomUUID(), CAMERA],
    );
  }

  it('the duty console shows the stored snapshot of an evidence event, and a fallback for one never stored', async () => {
    const [withPicture, without] = [randomUUID(), randomUUID()];
    for (const [i, [id, ref]] of [
      [withPicture, stored],
      [without, `snapshots/${CAMERA}/never-stored.jpg`],
    ].entries())
      await pool.query(
        `INSERT INTO camera_analytics_events (event_id, occurred_at, camera_id, kind, confidence, head_count, snapshot_ref)
         VALUES ($1, now() - make_interval(secs => $2), $3, 'crowd', 0.93, 320, $4)`,
        [id, 30 * (i + 1), CAMERA, ref],
      );
    const alert = aRedAlert('巴州区 东城街道广场人群聚集（抓拍）', {
      ruleId: `e2e-snapshot-${randomUUID().slice(0, 8)}`,
      region: { county: '511902', township: '511902003' },
      explanation: {
        summary: '广场摄像头识别到 320 人聚集',
        evidence: [withPicture, without],
        values: { analyticsKind: 'crowd', headCount: 320, confidence: 0.93, siteType: 'square' },
        thresholds: { orange: 150, red: 300 },
      },
    });
    await raiser.raise(alert);
    const duty = await pageAs('/duty', 'officer', 'officer-demo-2026');
    await duty
      .locator(`[data-testid=queue-item][data-alert-id="${alert.alertId}"]`)
      .click({ timeout: 20_000 });
    const event = (id: string): string => `[data-testid=evidence-event][data-event-id="${id}"]`;
    const img = `${event(withPicture)} [data-testid=snapshot][data-state=shown] img`;
    await duty.locator(img).waitFor({ timeout: 20_000 });
    expect(await naturalWidth(duty, img)).toBe(640);
    const fallback = duty.locator(`${event(without)} [data-testid=snapshot][data-state=failed]`);
    await fallback.waitFor({ timeout: 20_000 });
    expect(await fallback.textContent()).toBe('抓拍不可用');
    await duty.locator(event(withPicture)).scrollIntoViewIfNeeded();
    await duty.waitForTimeout(500);
    await shoot(duty, 'duty-evidence-snapshot-1920x1080.png');
    await duty.close();
  }, 120_000);

  it('a video-wall tile shows the camera’s latest snapshot over its live picture', async () => {
    await streamCamera();
    const wall = await pageAs('/wall?rotation=video:600&split=4&takeover=0', 'wall', 'wall-demo-2026');
    const tile = `[data-testid=video-wall] [data-testid=video-tile][data-camera-id="${CAMERA}"]`;
    const img = `${tile} [data-testid=tile-snapshot][data-state=shown] img`;
    await wall.locator(img).waitFor({ timeout: 40_000 });
    expect(await naturalWidth(wall, img)).toBe(640);
    await wall.locator(`${tile}[data-state=playing]`).waitFor({ timeout: 40_000 });
    await wall.waitForTimeout(1000);
    await shoot(wall, 'wall-video-snapshot-1920x1080.png');
    await wall.setViewportSize(UHD);
    await wall.waitForTimeout(1000);
    expect(await naturalWidth(wall, img)).toBe(640);
    await shoot(wall, 'wall-video-snapshot-3840x2160.png');
    await wall.close();
  }, 120_000);

  it('a tile of the main wall’s 2×2 patrol slot shows it too, readable and clear of the tile’s state and caption', async () => {
    await streamCamera();
    // A red at the camera (earlier ones acknowledged, so this one flashes): the slot pins the cameras
    // nearest to it, the streaming CAMERA first and the dark DARK_CAMERA beside it, watched for it.
    await acknowledgeWaitingReds(pool, system.apiUrl);
    const at = await pool.query<{ lon: number; lat: number }>(
      'SELECT lon, lat FROM cameras WHERE camera_id = $1',
      [CAMERA],
    );
    const alert = aRedAlert('巴州区 东城街道广场人群聚集', {
      ruleId: `e2e-snapshot-${randomUUID().slice(0, 8)}`,
      region: { county: '511902', township: '511902003' },
      location: { lon: Number(at.rows[0]?.lon), lat: Number(at.rows[0]?.lat) },
    });
    await raiser.raise(alert);
    const wall = await pageAs('/wall?rotation=city:600&takeover=0', 'wall', 'wall-demo-2026');
    await wall.locator('[data-testid=video-slot]:not([data-pinned="0"])').waitFor({ timeout: 20_000 });
    const tile = `[data-testid=video-slot] [data-testid=video-tile][data-camera-id="${CAMERA}"]`;
    const img = `${tile} [data-testid=tile-snapshot][data-state=shown] img`;
    await wall.locator(img).waitFor({ timeout: 40_000 });
    expect(await naturalWidth(wall, img)).toBe(640);
    await wall.locator(`${tile}[data-state=playing]`).waitFor({ timeout: 40_000 });
    await wall.waitForTimeout(1000);
    for (const [viewport, name] of [
      [FULL_HD, 'wall-patrol-snapshot-1920x1080.png'],
      [UHD, 'wall-patrol-snapshot-3840x2160.png'],
    ] as const) {
      await wall.setViewportSize(viewport);
      await wall.waitForTimeout(1000);
      // Each tile with a snapshot: wide enough to read across the room (the video wall's corner, 28%
      // of a tile, is ~75 px in a 1080p slot tile), and covering none of what the tile says.
      const tiles = await slotTileBoxes(wall);
      expect(tiles.map((t) => t.id)).toContain(CAMERA);
      for (const t of tiles)
        expect({
          id: t.id,
          readable: t.snapshot.width > 0.4 * t.tile.width,
          covers: t.info.filter((b) => overlaps(t.snapshot, b)),
        }).toEqual({ id: t.id, readable: true, covers: [] });
      await shoot(wall, name);
    }
    await wall.close();
  }, 120_000);

  it('raised no page errors and no upload failures', () => {
    expect(errors).toEqual([]);
  });
});
