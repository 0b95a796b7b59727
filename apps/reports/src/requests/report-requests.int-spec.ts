import { randomUUID } from 'node:crypto';
import { createPool, type DbPool } from '@fengqiao/db';
import { periodContaining } from '@fengqiao/domain';
import { testConfig } from '@fengqiao/testing';
import { aPrivateTownship } from '../testing/report-fixtures';
import { ReportRequestsRepository } from '@fengqiao/db';

// The queue's SQL on the real database: the atomic reuse of a pending request, and claims that two
// workers never share (FOR UPDATE SKIP LOCKED).
const place = aPrivateTownship();
const target = {
  level: 'township',
  region: place.township,
  period: periodContaining('week', '2026-11-10'),
} as const;
const FAR_PAST = new Date('2000-01-01T00:00:00Z');

describe('report request queue (real PostgreSQL)', () => {
  let pool: DbPool;
  const repo = new ReportRequestsRepository();
  beforeAll(() => {
    pool = createPool(testConfig().postgres.url, { max: 4 });
  });
  afterAll(async () => {
    await pool.query(`DELETE FROM report_requests WHERE region = $1`, [place.township]);
    await pool.end();
  });

  it('concurrent identical requests make one row; concurrent claims hand it to one worker', async () => {
    const now = new Date();
    const asked = await Promise.all(
      ['u1', 'u2', 'u3'].map((userId) => repo.enqueue(pool, { id: randomUUID(), userId, target, now })),
    );
    const ids = new Set(asked.map((a) => a?.id));
    expect(ids.size).toBe(1);
    expect(asked.filter((a) => a?.reused === false)).toHaveLength(1);
    const owner = asked.find((a) => a?.reused === false);
    const pending = await Promise.all(['u1', 'u2', 'u3'].map((u) => repo.pendingOf(pool, u)));
    expect(pending.reduce((a, b) => a + b, 0)).toBe(1); // counted for the one who queued it
    expect(owner).toBeDefined();

    // Other specs' queued rows may exist in this run's database: claim until ours has been handed out.
    const mine: string[] = [];
    for (let round = 0; round < 20 && mine.length === 0; round++) {
      const claims = await Promise.all([1, 2].map(() => repo.claim(pool, new Date(), FAR_PAST, 2)));
      const got = claims.filter((c) => c !== null).map((c) => c.status.id);
      expect(new Set(got).size).toBe(got.length);
      mine.push(...got.filter((id) => ids.has(id)));
      if (got.length === 0) break;
    }
    expect(mine).toHaveLength(1);
    const claimed = await repo.get(pool, mine[0] ?? '');
    expect(claimed).toMatchObject({ state: 'running', attempts: 1 });
    // Once running, the same report may be asked for again: still the pending row, reused.
    const again = await repo.enqueue(pool, { id: randomUUID(), userId: 'u4', target, now: new Date() });
    expect(again).toMatchObject({ id: mine[0], reused: true });
  });

  it('only the current claim ends a request; a taken-over claim changes nothing', async () => {
    const row = await pool.query<{ request_id: string }>(
      `SELECT request_id FROM report_requests WHERE region = $1 AND state = 'running'`,
      [place.township],
    );
    const current = await repo.get(pool, row.rows[0]?.request_id ?? '');
    if (current === null) throw new Error('no running request');
    const outdated = { ...current, attempts: current.attempts - 1 };
    const failure = { code: 'GENERATION_FAILED', message: 'x' } as const;
    expect(await repo.finish(pool, outdated, new Date(), failure)).toBe(false);
    expect(await repo.finish(pool, current, new Date(), failure)).toBe(true);
    expect(await repo.get(pool, current.id)).toMatchObject({
      state: 'failed',
      failure: { code: 'GENERATION_FAILED', message: 'x' },
    });
  });
});
