import { AlertStore, createPool, type DbPool } from '@fengqiao/db';
import {
  DEFAULT_RULE_SET,
  buildCameraDirectory,
  createEngineContext,
  createEngineState,
  step,
  type AlertChangeDecision,
} from '@fengqiao/rules';
import { pollUntil, testConfig, uniqueName } from '@fengqiao/testing';
import { AlertRecorder } from './engine/alert-recorder';
import { LeaderLock, LeadershipError } from './persistence/leader-lock';
import { aViolentCase, violenceAlertOf } from './testing/case-fixtures';

// Issue 17 (pause past the session): a SIGSTOPped warning leader used to keep its advisory lock,
// so no standby judged anything until it resumed. The lock's session now carries a lease (the
// server ends it once the holder has been silent that long) and every write of a leader is fenced:
// the standby takes over while the old leader is paused, and what the old leader decides when it
// resumes is refused (LEADERSHIP_LOST), never stored beside the new leader's. Two pools stand for
// two instances; "paused" is a leader that stops asking (what SIGSTOP does to its poll).
const config = testConfig();
const LEASE_MS = 1500;
let pools: DbPool[] = [];
const locks: LeaderLock[] = [];

/** The red alert the default rules raise for a violence-risk case: a real decision to record. */
function aRaise(caseAt: number): { caseId: string; decision: AlertChangeDecision } {
  const event = aViolentCase(caseAt);
  const ctx = createEngineContext({ ruleSet: DEFAULT_RULE_SET, directory: buildCameraDirectory([]) });
  const { decisions } = step(ctx, createEngineState(), { kind: 'case', event }, caseAt + 1000);
  const raise = decisions.find((d): d is AlertChangeDecision => d.type === 'raised');
  if (raise === undefined) throw new Error('the default rules raised nothing for a violent case');
  return { caseId: event.caseId, decision: raise };
}

beforeAll(() => {
  pools = [0, 1].map(() => createPool(config.postgres.url, { max: 3 }));
});

afterAll(async () => {
  for (const lock of locks) await lock.release();
  for (const pool of pools) await pool.end();
});

describe('the warning leader lock under a pause', () => {
  it('lets a standby take over from a silent leader and fences the old leader’s writes', async () => {
    const name = `warning:${uniqueName('fence')}`;
    const [a, b] = pools.map((pool) => new LeaderLock(pool, name, LEASE_MS)) as [LeaderLock, LeaderLock];
    locks.push(a, b);
    const alerts = new AlertStore();
    const oldLeader = new AlertRecorder(pools[0]!, alerts, (tx) => a.fence(tx));
    const newLeader = new AlertRecorder(pools[1]!, alerts, (tx) => b.fence(tx));

    expect(await a.tryAcquire()).toBe(true);
    // From here the leader is silent on its lock session (paused): it never asks again.
    const silentSince = Date.now();
    expect(await b.tryAcquire()).toBe(false);
    // While it leads, its writes pass the fence.
    const first = aRaise(Date.now() - 60_000);
    expect(await oldLeader.record(first.decision)).toMatchObject({ kind: 'recorded' });

    // The standby gets the lock once the lease has run out, not before.
    await pollUntil(() => b.tryAcquire(), 'the standby taking the lock of a paused leader', {
      timeoutMs: LEASE_MS + 8000,
      everyMs: 200,
    });
    const tookMs = Date.now() - silentSince;
    expect(tookMs).toBeGreaterThanOrEqual(LEASE_MS - 100);

    // The old leader resumes with a decision made before it noticed: refused, nothing stored.
    const late = aRaise(Date.now() - 30_000);
    await expect(oldLeader.record(late.decision)).rejects.toEqual(
      expect.objectContaining({ code: 'LEADERSHIP_LOST' }),
    );
    await expect(oldLeader.record(late.decision)).rejects.toBeInstanceOf(LeadershipError);
    expect(await violenceAlertOf(pools[1]!, late.caseId)).toBeUndefined();
    // It then notices on its own poll, and the new leader writes.
    expect(await a.stillHeld()).toBe(false);
    expect(await newLeader.record(late.decision)).toMatchObject({ kind: 'recorded' });
    expect(await violenceAlertOf(pools[1]!, late.caseId)).toMatchObject({ changes: ['raised'] });
    expect(await violenceAlertOf(pools[1]!, first.caseId)).toMatchObject({ changes: ['raised'] });
  });

  it('keeps the lock of a leader that keeps asking, however long it leads', async () => {
    const name = `warning:${uniqueName('fence')}`;
    const [a, b] = pools.map((pool) => new LeaderLock(pool, name, LEASE_MS)) as [LeaderLock, LeaderLock];
    locks.push(a, b);
    expect(await a.tryAcquire()).toBe(true);
    for (let i = 0; i < 8; i++) {
      await new Promise((r) => setTimeout(r, LEASE_MS / 3));
      expect(await a.stillHeld()).toBe(true);
      expect(await b.tryAcquire()).toBe(false);
    }
  });
});
