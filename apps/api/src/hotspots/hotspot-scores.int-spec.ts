import { randomUUID } from 'node:crypto';
import { type HotspotContribution } from '@fengqiao/contracts';
import { clearRollupCounts, setRollupCount } from '@fengqiao/testing';
import { TokenService } from '../auth/token.service';
import { Database } from '../infra/database';
import { LiveStreams } from '../live/live-streams.service';
import { connectStreams, type StreamClient } from '../live/stream-client';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { HotspotScoresService } from './hotspot-scores.service';

/** A county code nobody else's rows use, so this scope holds exactly what the test puts there. */
const COUNTY = '511997';
const T = (n: number): string => `${COUNTY}00${n}`;
const FACTORS: HotspotContribution[] = [
  { factor: 'cases', value: 6.2, expected: 2, z: 4.2, contribution: 4.2 },
  { factor: 'analytics', value: 0, expected: 0, z: 0, contribution: 0 },
];

// The API shows the engine's judgement, not counts, once the warning service has scored; before
// that (or after it stopped beating) it says `counts` and gives no score.
describe('hotspots from the engine scores (real PostgreSQL, Socket.IO)', () => {
  let api: ApiHarness;
  let client: StreamClient;
  const bucket = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  // Not in the app module until the trends service delegates to it (the lead wires that).
  const top = () =>
    new HotspotScoresService(new Database(api.pool), { now: () => new Date() }, api.config).top({
      hours: 24,
      limit: 10,
      county: COUNTY,
    });
  const setEvents = (township: string, events: number) =>
    setRollupCount(api.pool, {
      bucket,
      county: COUNTY,
      township,
      source: 'case',
      category: 'neighbourhood',
      events,
    });
  const score = (township: string, s: number, factors: HotspotContribution[]) =>
    api.pool.query(
      `INSERT INTO hotspot_scores (region, level, county, rank, score, factors, bucket_start, rule_set_version, computed_at)
       VALUES ($1, 'township', $2, 1, $3, $4, $5, 3, now())`,
      [township, COUNTY, s, JSON.stringify(factors), bucket],
    );
  const beat = (agoMs: number) =>
    api.pool.query(
      `INSERT INTO hotspot_score_runs (id, computed_at, rule_set_version, cells) VALUES (1, $1, 3, 2)
       ON CONFLICT (id) DO UPDATE SET computed_at = EXCLUDED.computed_at`,
      [new Date(Date.now() - agoMs)],
    );

  beforeAll(async () => {
    api = await startApi();
    await api.pool.query('DELETE FROM hotspot_score_runs');
    await setEvents(T(1), 5);
    await setEvents(T(2), 3);
    const token = api.app.get(TokenService).issue({
      userId: randomUUID(),
      username: 'x',
      displayName: 'x',
      role: 'wall',
      regions: [COUNTY],
    }).token;
    client = await connectStreams(api.url, token);
  });
  afterAll(async () => {
    client.close();
    await clearRollupCounts(api.pool, { county: COUNTY });
    await api.pool.query('DELETE FROM hotspot_scores WHERE county = $1', [COUNTY]);
    await api.pool.query('DELETE FROM hotspot_score_runs');
    await api.close();
  });

  it('before the engine has scored: counts, said so, and no score', async () => {
    const r = await top();
    expect(r).toMatchObject({ source: 'counts', computedAt: null });
    expect(r.items.map((i) => [i.township, i.events, i.score, i.factors])).toEqual([
      [T(1), 5, null, []],
      [T(2), 3, null, []],
    ]);
    await client.waitFor(() => client.snapshots.length > 0, 'welcome');
    expect(client.snapshots[0]).toMatchObject({ source: 'counts' });
    expect(client.snapshots[0]?.items[0]).not.toHaveProperty('score');
  });

  it('once the engine beats: its ranking with score and factors, counts alongside', async () => {
    await score(T(2), 4.2, FACTORS);
    await score(T(3), 1.1, [FACTORS[0] as HotspotContribution]);
    await beat(0);
    const r = await top();
    expect(r.source).toBe('engine');
    expect(r.items.map((i) => [i.township, i.events, i.score, i.topCategory])).toEqual([
      [T(2), 3, 4.2, 'neighbourhood'],
      [T(3), 0, 1.1, ''],
    ]);
    expect(r.items[0]?.factors).toEqual(FACTORS);

    await api.app.get(LiveStreams).tickHotspots();
    await client.waitFor(() => client.snapshots.length === 2, 'a new snapshot on the change of source');
    const snap = client.snapshots[1];
    expect(snap).toMatchObject({ source: 'engine', version: 1 });
    expect(snap?.items.map((i) => [i.township, i.rank, i.score])).toEqual([
      [T(2), 1, 4.2],
      [T(3), 2, 1.1],
    ]);
    expect(snap?.items[0]?.factors).toEqual(FACTORS);
  });

  it('a changed score travels as a delta with its factors', async () => {
    await api.pool.query('UPDATE hotspot_scores SET score = 5.5 WHERE region = $1', [T(3)]);
    await api.app.get(LiveStreams).tickHotspots();
    await client.waitFor(() => client.deltas.length === 1, 'a delta');
    expect(client.deltas[0]).toMatchObject({ fromVersion: 1, version: 2, removed: [] });
    expect(client.deltas[0]?.upserted.map((i) => [i.township, i.rank, i.score])).toEqual([
      [T(3), 1, 5.5],
      [T(2), 2, 4.2],
    ]);
  });

  it('a warning service silent for over two minutes is not trusted: counts again', async () => {
    await beat(5 * 60_000);
    expect((await top()).source).toBe('counts');
  });
});
