import { type SiteType } from '@fengqiao/contracts';
import { type CameraSite, type HourlyCount } from '@fengqiao/rules';
import { type Queryable } from './transaction';

// What the rules engine needs from the stored data besides the events themselves, read the same way
// by the warning service (rebuild at start-up) and by the API's backtests.

const SITES = 'SELECT camera_id, site_type, county, township, grid, lon, lat FROM cameras';

const HOURLY = `
SELECT bucket, county, township, source, sum(events)::int AS events
FROM region_hourly_rollup WHERE bucket >= $1 AND bucket < $2
GROUP BY bucket, county, township, source`;

interface SiteRow {
  camera_id: string;
  site_type: SiteType;
  county: string;
  township: string;
  grid: string | null;
  lon: number;
  lat: number;
}

interface HourlyRow {
  bucket: Date;
  county: string;
  township: string;
  source: 'case' | 'analytics';
  events: number;
}

/** The camera registry as the engine's sites. */
export async function cameraSites(db: Queryable): Promise<CameraSite[]> {
  const r = await db.query<SiteRow>(SITES);
  return r.rows.map((c) => {
    const site = { cameraId: c.camera_id, county: c.county, township: c.township, siteType: c.site_type };
    const location = { lon: c.lon, lat: c.lat };
    return c.grid === null ? { ...site, location } : { ...site, grid: c.grid, location };
  });
}

/** Hourly counts per township and per county (metrics `cases`, `analytics`) for the baselines. */
export async function hourlyCounts(db: Queryable, from: Date, until: Date): Promise<HourlyCount[]> {
  const r = await db.query<HourlyRow>(HOURLY, [from, until]);
  const byCounty = new Map<string, HourlyCount>();
  const out: HourlyCount[] = [];
  for (const row of r.rows) {
    const metric = row.source === 'case' ? 'cases' : 'analytics';
    const hourStartMs = row.bucket.getTime();
    out.push({ region: row.township, metric, hourStartMs, value: row.events });
    const key = `${row.county}|${metric}|${hourStartMs}`;
    const prev = byCounty.get(key);
    byCounty.set(key, { region: row.county, metric, hourStartMs, value: (prev?.value ?? 0) + row.events });
  }
  return [...out, ...byCounty.values()];
}
