import { randomUUID } from 'node:crypto';
import { type Queryable } from '@fengqiao/db';

/** A township of this spec only (9xx numbers are unused by the demo registry), with one village and grid. */
export function aPrivateTownship(county = '511923'): {
  county: string;
  township: string;
  village: string;
  grid: string;
} {
  const township = `${county}${900 + Math.floor(Math.random() * 99)}`;
  return { county, township, village: `${township}001`, grid: `${township}001001` };
}

export type Place = ReturnType<typeof aPrivateTownship>;

/** Registers the township, village and grid cell with names, as the seed would. */
export async function registerPlace(db: Queryable, p: Place): Promise<void> {
  await db.query(
    `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight) VALUES
       ($1, 'township', $2, '测试镇', 107.1, 31.5, 1000), ($3, 'village', $1, '测试村', 107.1, 31.5, 500),
       ($4, 'grid', $3, '测试网格', 107.1, 31.5, 100)
     ON CONFLICT (code) DO NOTHING`,
    [p.township, p.county, p.village, p.grid],
  );
}

const NO_FLAGS = { violenceRisk: false, extremeWords: false, groupPetition: false, repeatVisits: 0 };

/** The payload fields the intake projection needs (category, summary, parties, flags). */
function payloadOf(e: { type: string; category?: string; tier?: string; payload?: object }): object {
  const intake =
    e.type === 'reported' ? { summary: '测试案件', partiesCount: 1, riskFlags: NO_FLAGS, parties: [] } : {};
  return { type: e.type, category: e.category, tier: e.tier, ...intake, ...(e.payload ?? {}) };
}

/** One case event row as the ingest writes it (payload trimmed to what reports and the projection read). */
export async function insertCaseEvent(
  db: Queryable,
  p: Place,
  e: { caseId: string; type: string; at: string; tier?: string; category?: string; payload?: object },
): Promise<void> {
  await db.query(
    `INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, village, grid, category, tier, payload)
     VALUES ($1, $2, $3, $4, 'window', $5, $6, $7, $8, $9, $10, $11)`,
    [
      randomUUID(),
      e.at,
      e.caseId,
      e.type,
      p.county,
      p.township,
      p.village,
      p.grid,
      e.category ?? null,
      e.tier ?? null,
      JSON.stringify(payloadOf(e)),
    ],
  );
}
