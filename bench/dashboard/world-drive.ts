import { randomInt, randomUUID } from 'node:crypto';
import { EventStoreRepository, type CaseEventRow, type DbPool } from '@fengqiao/db';

/** One writer per database: it asks its database once whether the hourly rollup is a table to keep. */
const writers = new WeakMap<DbPool, EventStoreRepository>();

/**
 * The world's live sources between alerts, once per call (the benches call it every second): one
 * township gets a few reported cases now (the hotspot stream's input, counted into the hourly rollup
 * by the ingest's writer: the table on plain PostgreSQL, the continuous aggregate on TimescaleDB) and
 * a few cameras change state (the camera aggregates' input). The API polls both and streams what
 * changed.
 */
export async function driveWorldTick(pool: DbPool): Promise<void> {
  const region = await pool.query<{ county: string; township: string }>(
    `SELECT parent AS county, code AS township FROM regions WHERE level = 'township' ORDER BY code OFFSET $1 LIMIT 1`,
    [randomInt(120)],
  );
  const where = region.rows[0];
  if (where !== undefined) {
    const at = new Date().toISOString();
    const rows: CaseEventRow[] = Array.from({ length: 1 + randomInt(5) }, () => {
      const caseId = `WORLD-${randomUUID()}`;
      return {
        eventId: randomUUID(),
        occurredAt: at,
        caseId,
        type: 'reported',
        channel: 'hotline',
        county: where.county,
        township: where.township,
        village: null,
        grid: null,
        category: 'neighbourhood',
        tier: 'township',
        payload: JSON.stringify({
          caseId,
          category: 'neighbourhood',
          summary: 'world tick',
          partiesCount: 0,
          riskFlags: [],
        }),
      };
    });
    const writer = writers.get(pool) ?? new EventStoreRepository();
    writers.set(pool, writer);
    await writer.insertCaseEvents(pool, rows);
  }
  await pool.query(
    `UPDATE camera_state SET online = NOT online, changed_at = now(), seen_at = now()
     WHERE camera_id IN (SELECT camera_id FROM cameras ORDER BY camera_id OFFSET $1 LIMIT 20)`,
    [randomInt(30_000)],
  );
}
