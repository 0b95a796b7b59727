import { randomUUID } from 'node:crypto';
import { loadConfig } from '@fengqiao/config';
import { CameraStatusAppender } from './camera-status.append';
import { type CameraStatusRow } from './event-rows';
import { freshDatabase, type FreshDatabase } from './testing/fresh-database';

// The ingest's status writer (decision 0019) on both servers: COPY first, ON CONFLICT only for a
// batch that holds a stored event id (no event twice, none lost), and camera_state written on a
// change, a prober sample or once the stored last seen is older than the resolution.
const config = loadConfig();
const name = `fengqiao_status_append_${process.pid}`;
const RESOLUTION_MS = 5000;
const T0 = Date.parse('2026-12-07T03:00:00.000Z');
const CAMERA = '51192100001320000001';
let servers: [string, FreshDatabase][] = [];

function status(cameraId: string, atMs: number, over: Partial<CameraStatusRow> = {}): CameraStatusRow {
  const row: CameraStatusRow = {
    eventId: randomUUID(),
    occurredAt: new Date(atMs).toISOString(),
    cameraId,
    online: true,
    bitrateKbps: 2048,
    fps: 25,
    lastFrameAgeMs: 40,
    source: 'device',
    health: null,
  };
  return { ...row, ...over };
}

// A fresh appender per call: what the database decides, without this process's memory of it.
const append = (db: FreshDatabase, rows: CameraStatusRow[]): Promise<number> =>
  new CameraStatusAppender(RESOLUTION_MS).append(db.pool, rows);

async function stored(db: FreshDatabase, ids: string[]): Promise<number> {
  const res = await db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM camera_status_events WHERE event_id = ANY($1::uuid[])',
    [ids],
  );
  return res.rows[0]?.n ?? -1;
}

async function state(db: FreshDatabase, cameraId: string): Promise<Record<string, unknown> | undefined> {
  const res = await db.pool.query(
    `SELECT online, bitrate_kbps, changed_at, seen_at, health->>'probe' AS probe, health_at
       FROM camera_state WHERE camera_id = $1`,
    [cameraId],
  );
  return res.rows[0] as Record<string, unknown> | undefined;
}

beforeAll(async () => {
  const [plain, timescale] = await Promise.all([
    freshDatabase(config.postgres.plainUrl, name),
    freshDatabase(config.postgres.url, name),
  ]);
  servers = [
    ['plain PostgreSQL', plain],
    ['TimescaleDB', timescale],
  ];
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map(([, db]) => db.drop()));
});

describe.each([['plain PostgreSQL'], ['TimescaleDB']])('appendCameraStatus on %s', (server) => {
  const db = (): FreshDatabase => servers.find(([n]) => n === server)?.[1] as FreshDatabase;

  it('stores a batch once: a redelivery inserts nothing, a half-stored batch only its new rows', async () => {
    const first = [0, 1, 2].map((i) => status(`5119210000132000010${i}`, T0 + i));
    expect(await append(db(), first)).toBe(3);
    expect(await append(db(), first)).toBe(0);
    const more = [status('51192100001320000104', T0 + 10), status('51192100001320000105', T0 + 11)];
    expect(await append(db(), [...first.slice(1), ...more])).toBe(2);
    expect(
      await stored(
        db(),
        [...first, ...more].map((r) => r.eventId),
      ),
    ).toBe(5);
    const all = await db().pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM camera_status_events WHERE camera_id LIKE '511921000013200001%'",
    );
    expect(all.rows[0]?.n).toBe(5);
  });

  it('keeps text with COPY specials and nulls as given', async () => {
    const row = status('51192100001320000201', T0, { bitrateKbps: null, fps: null, source: null });
    expect(await append(db(), [row])).toBe(1);
    const res = await db().pool.query(
      'SELECT bitrate_kbps, fps, source, online FROM camera_status_events WHERE event_id = $1',
      [row.eventId],
    );
    expect(res.rows).toEqual([{ bitrate_kbps: null, fps: null, source: null, online: true }]);
  });

  it('writes camera_state on a change, a prober sample or a last seen older than the resolution', async () => {
    await append(db(), [status(CAMERA, T0)]);
    expect(await state(db(), CAMERA)).toMatchObject({ online: true, seen_at: new Date(T0) });
    // A heartbeat within the resolution, same flag: the row is left alone.
    await append(db(), [status(CAMERA, T0 + 1000, { bitrateKbps: 1000 })]);
    expect(await state(db(), CAMERA)).toMatchObject({ seen_at: new Date(T0), bitrate_kbps: 2048 });
    // Offline: written at once, changed_at moves.
    await append(db(), [status(CAMERA, T0 + 2000, { online: false })]);
    expect(await state(db(), CAMERA)).toMatchObject({
      online: false,
      changed_at: new Date(T0 + 2000),
      seen_at: new Date(T0 + 2000),
    });
    // A prober sample: written at once, and the newest of the batch wins for the rest.
    const sample = JSON.stringify({ probe: 'ok' });
    await append(db(), [
      status(CAMERA, T0 + 2600, { online: false, health: sample }),
      status(CAMERA, T0 + 2500, { online: false }),
    ]);
    expect(await state(db(), CAMERA)).toMatchObject({
      probe: 'ok',
      health_at: new Date(T0 + 2600),
      seen_at: new Date(T0 + 2600),
    });
    // Same flag, past the resolution: last seen and the figures move, changed_at stays.
    await append(db(), [status(CAMERA, T0 + 2600 + RESOLUTION_MS, { online: false, bitrateKbps: 512 })]);
    expect(await state(db(), CAMERA)).toMatchObject({
      online: false,
      bitrate_kbps: 512,
      changed_at: new Date(T0 + 2000),
      seen_at: new Date(T0 + 2600 + RESOLUTION_MS),
      probe: 'ok',
    });
    // An older report never moves it back.
    await append(db(), [status(CAMERA, T0, { online: true })]);
    expect(await state(db(), CAMERA)).toMatchObject({ online: false });
  });
});
