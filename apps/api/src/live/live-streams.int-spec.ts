import { randomUUID } from 'node:crypto';
import { type UserRole } from '@fengqiao/contracts';
import { clearRollupCounts, setRollupCount } from '@fengqiao/testing';
import { TokenService } from '../auth/token.service';
import { KpisService } from '../kpis/kpis.service';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { applyHotspotDiff } from './hotspot-diff';
import { LiveStreams } from './live-streams.service';
import { connectStreams, type StreamClient } from './stream-client';

/** A county code nobody else's rows use, so this scope holds exactly what the test puts there. */
const COUNTY = '511999';
const T = (n: number): string => `${COUNTY}00${n}`;

describe('live KPI, hotspot and camera-status streams (real PostgreSQL, Socket.IO)', () => {
  let api: ApiHarness;
  let streams: LiveStreams;
  let county: StreamClient;
  let other: StreamClient;
  const bucket = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const cam = `${T(1)}${String(Date.now()).slice(-11)}`;

  const token = (role: UserRole, regions: string[]): string =>
    api.app.get(TokenService).issue({ userId: randomUUID(), username: 'x', displayName: 'x', role, regions })
      .token;
  const setEvents = async (township: string, events: number): Promise<void> => {
    await setRollupCount(api.pool, {
      bucket,
      county: COUNTY,
      township,
      source: 'case',
      category: 'neighbourhood',
      events,
    });
  };

  beforeAll(async () => {
    api = await startApi();
    streams = api.app.get(LiveStreams);
    // The hotspots here are the counts': a warning engine's heartbeat left by an earlier spec of the
    // tier (within FQ_HOTSPOT_STALE_MS) would make the API show the engine's list instead, which
    // never scored this county (clean-clone CI at 725b589: the snapshot came empty). The engine's
    // side is hotspot-scores.int-spec's.
    await api.pool.query('DELETE FROM hotspot_score_runs');
    await setEvents(T(1), 5);
    await setEvents(T(2), 3);
    await api.pool.query(
      `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
       VALUES ($1, 's', 'road', $2, $3, 107.1, 31.6, 't', $1, now())`,
      [cam, COUNTY, T(1)],
    );
    county = await connectStreams(api.url, token('wall', [COUNTY]));
    other = await connectStreams(api.url, token('duty-officer', ['511902']));
  });
  afterAll(async () => {
    county.close();
    other.close();
    await clearRollupCounts(api.pool, { county: COUNTY });
    await api.close();
  });

  it('welcomes a new socket with the full state of its scope', async () => {
    await county.waitFor(
      () => county.snapshots.length > 0 && county.kpis.length > 0 && county.cameras.length > 0,
      'welcome',
    );
    expect(county.snapshots[0]).toMatchObject({ scope: { region: COUNTY }, version: 0, hours: 24 });
    expect(county.snapshots[0]?.items.map((h) => [h.township, h.rank, h.events])).toEqual([
      [T(1), 1, 5],
      [T(2), 2, 3],
    ]);
    expect(county.kpis[0]?.scope.region).toBe(COUNTY);
    expect(county.cameras[0]).toMatchObject({
      level: 'township',
      rows: [{ region: T(1), total: 1, online: 0, streaming: 0, onlineShare: 0 }],
    });
  });

  it('sends hotspot deltas only when the list moves, and they rebuild the list', async () => {
    await setEvents(T(2), 13);
    await setEvents(T(3), 1);
    await streams.tickHotspots();
    await county.waitFor(() => county.deltas.length === 1, 'first delta');
    expect(county.deltas[0]).toMatchObject({ fromVersion: 0, version: 1, removed: [] });
    await clearRollupCounts(api.pool, { township: T(3) });
    await streams.tickHotspots();
    await county.waitFor(() => county.deltas.length === 2, 'second delta');
    expect(county.deltas[1]).toMatchObject({ fromVersion: 1, version: 2, upserted: [], removed: [T(3)] });
    await streams.tickHotspots();
    await new Promise((r) => setTimeout(r, 200));
    expect(county.deltas).toHaveLength(2);
    const rebuilt = county.deltas.reduce(
      (list, d) => applyHotspotDiff(list, d),
      county.snapshots[0]?.items ?? [],
    );
    expect(rebuilt.map((h) => [h.township, h.rank, h.events])).toEqual([
      [T(2), 1, 13],
      [T(1), 2, 5],
    ]);
  });

  it('sends KPI tiles and camera status again when a figure changed, not before', async () => {
    const kpisBefore = county.kpis.length;
    await streams.tickKpis();
    await new Promise((r) => setTimeout(r, 200));
    expect(county.kpis).toHaveLength(kpisBefore);
    await storeRaisedAlert(api.pool, anAlert({ region: { county: COUNTY, township: T(1) } }, 'red'));
    api.app.get(KpisService).invalidate();
    await streams.tickKpis();
    await county.waitFor(() => county.kpis.length === kpisBefore + 1, 'changed tiles');
    expect(county.kpis.at(-1)?.openAlerts).toMatchObject({ red: 1 });

    await api.pool.query(
      `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, last_frame_age_ms) VALUES ($1, now(), $2, true, 0)`,
      [randomUUID(), cam],
    );
    await api.pool.query(
      'INSERT INTO camera_state (camera_id, online, changed_at, seen_at) VALUES ($1, true, now(), now())',
      [cam],
    );
    await streams.tickCameras();
    await county.waitFor(
      () => county.cameras.some((c) => c.rows[0]?.streaming === 1),
      'camera status with a streaming camera',
    );
    expect(county.cameras.at(-1)?.rows).toEqual([
      { region: T(1), total: 1, online: 1, streaming: 1, onlineShare: 1 },
    ]);
  });

  it('keeps every stream inside its room: another county’s officer sees none of it', () => {
    for (const s of [...other.kpis, ...other.snapshots, ...other.deltas, ...other.cameras])
      expect(s.scope.region).toBe('511902');
    expect(other.snapshots).toHaveLength(1);
  });
});
