import { randomInt, randomUUID } from 'node:crypto';
import { loadConfig } from '@fengqiao/config';
import { camerasNearOpenAlerts } from './cameras-near-alerts';
import { createPool, type DbPool } from './pool';

// libs/testing imports this lib, so the int tier's database is read from config directly.
const config = loadConfig();
if (!/\/fengqiao_test_\d+$/.test(config.postgres.url)) throw new Error('run through the int tier');

/** This run's own camera ids (county 511923, a random township) so other specs' rows never match. */
const TOWNSHIP = `511923${String(randomInt(100, 999))}`;
const id = (n: number): string =>
  `${TOWNSHIP}${String(randomInt(0, 1e6)).padStart(6, '0')}${String(n).padStart(5, '0')}`;

/**
 * Which live cameras the stream prober samples first: those near an open alert (~500 m of its
 * location, or its township when it has none); a resolved alert makes nothing near.
 */
describe('cameras near open alerts (real PostgreSQL)', () => {
  let pool: DbPool;
  const cameras: string[] = [];
  const alerts: string[] = [];

  async function camera(n: number, lon: number, lat: number, township = TOWNSHIP): Promise<string> {
    const cameraId = id(n);
    cameras.push(cameraId);
    await pool.query(
      `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
       VALUES ($1, $1, 'road', '511923', $2, $3, $4, 'test', $1, now())`,
      [cameraId, township, lon, lat],
    );
    return cameraId;
  }
  async function alert(
    state: string,
    lon: number | null,
    lat: number | null,
    township: string,
  ): Promise<void> {
    const alertId = randomUUID();
    alerts.push(alertId);
    await pool.query(
      `INSERT INTO alerts (alert_id, dedup_key, rule_id, rule_version, colour, state, version, title, county,
                           township, lon, lat, raised_at, updated_at, explanation)
       VALUES ($1::uuid, $1::text, 'test', 1, 'red', $2, 1, 'test', '511923', $3, $4, $5, now(), now(), '{}')`,
      [alertId, state, township, lon, lat],
    );
  }

  beforeAll(() => {
    pool = createPool(config.postgres.url, { max: 1 });
  });
  afterAll(async () => {
    await pool.query('DELETE FROM alerts WHERE alert_id = ANY($1::uuid[])', [alerts]);
    await pool.query('DELETE FROM cameras WHERE camera_id = ANY($1)', [cameras]);
    await pool.end();
  });

  it('finds cameras within ~500 m of an open alert, in the township of one without a place, none of resolved ones', async () => {
    const near = await camera(1, 106.9, 31.6); // ~300 m from the located alert
    const far = await camera(2, 106.92, 31.6); // ~1.9 km east
    const otherTownship = TOWNSHIP === '511923100' ? '511923101' : '511923100';
    const sameTownship = await camera(3, 107.3, 31.2, otherTownship);
    const byResolved = await camera(4, 107.5, 31.5);
    await alert('open', 106.903, 31.6, TOWNSHIP);
    await alert('acknowledged', null, null, otherTownship);
    await alert('resolved', 107.5, 31.5, TOWNSHIP);
    const found = await camerasNearOpenAlerts(pool, [near, far, sameTownship, byResolved]);
    expect(found.sort()).toEqual([near, sameTownship].sort());
    expect(await camerasNearOpenAlerts(pool, [])).toEqual([]);
  });
});
