import { type Hotspot } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { testConfig, uniqueName } from '@fengqiao/testing';
import { LeaderLock, LeadershipError } from '../persistence/leader-lock';
import { HotspotScoresRepository } from '@fengqiao/db';
import { HotspotPublisher, type HotspotSource } from './hotspot-publisher';

// Issue 17: hotspot writes were not fenced. A deposed warning leader (paused past its lease, or cut
// from the database) that resumes kept rewriting hotspot_scores with what it judged before, and on
// its clean stop withdrew the list the new leader had published. Every hotspot write now passes the
// leader fence last inside its transaction, as alert writes do. Two pools stand for two instances.
const config = testConfig();
let pools: DbPool[] = [];
const locks: LeaderLock[] = [];

const aList = (region: string): Hotspot[] => [
  { region, level: 'township', bucketStart: '2026-12-07T00:00:00.000Z', score: 5, rank: 1, factors: [] },
];
const sourceOf = (list: Hotspot[]): HotspotSource => ({
  currentHotspots: () => Promise.resolve({ ruleSetVersion: 1, list }),
});

async function listed(pool: DbPool): Promise<string[]> {
  const r = await pool.query<{ region: string }>('SELECT region FROM hotspot_scores ORDER BY rank');
  return r.rows.map((row) => row.region);
}

beforeAll(() => {
  pools = [0, 1].map(() => createPool(config.postgres.url, { max: 3 }));
});

afterAll(async () => {
  for (const lock of locks) await lock.release();
  for (const pool of pools) await pool.end();
});

describe('hotspot writes under the leader fence', () => {
  it('a deposed leader neither rewrites nor withdraws the new leader’s list', async () => {
    const name = `warning:${uniqueName('hotfence')}`;
    const [a, b] = pools.map((pool) => new LeaderLock(pool, name, 1500)) as [LeaderLock, LeaderLock];
    locks.push(a, b);
    const repo = new HotspotScoresRepository();
    const fenced = { minIntervalMs: 0, heartbeatMs: 0 };
    const oldLeader = new HotspotPublisher(pools[0]!, repo, sourceOf(aList('511902101')), {
      ...fenced,
      fence: (tx) => a.fence(tx),
    });
    const newLeader = new HotspotPublisher(pools[1]!, repo, sourceOf(aList('511923102')), {
      ...fenced,
      fence: (tx) => b.fence(tx),
    });

    expect(await a.tryAcquire()).toBe(true);
    expect(await oldLeader.publish(Date.now())).toBe(true);
    expect(await listed(pools[0]!)).toEqual(['511902101']);

    // The old leader loses its lock (its session ends: a cut, or its lease ran out) and b takes over.
    await a.release();
    expect(await b.tryAcquire()).toBe(true);
    expect(await newLeader.publish(Date.now())).toBe(true);

    // The old leader resumes with a list judged before: refused, the new leader's stays.
    const stale = new HotspotPublisher(pools[0]!, repo, sourceOf(aList('511921103')), {
      ...fenced,
      fence: (tx) => a.fence(tx),
    });
    const refused = await stale.publish(Date.now()).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(LeadershipError);
    expect(refused).toMatchObject({ code: 'LEADERSHIP_LOST' });
    await expect(oldLeader.retire()).rejects.toMatchObject({ code: 'LEADERSHIP_LOST' });
    expect(await listed(pools[0]!)).toEqual(['511923102']);
    const runs = await pools[0]!.query<{ cells: number }>('SELECT cells FROM hotspot_score_runs');
    expect(runs.rows).toEqual([{ cells: 1 }]);

    // The leader's own clean stop withdraws its list (the fence holds while it still leads).
    await newLeader.retire();
    expect(await listed(pools[0]!)).toEqual([]);
  });
});
