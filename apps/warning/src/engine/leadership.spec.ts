import { Leadership, type LeaderTerm, type LeadershipEvent } from './leadership';

/** A lock another instance may hold, and a session that may end (what PostgreSQL does for real). */
class FakeLock {
  heldByOther = false;
  mine = false;
  sessionAlive = true;
  releases = 0;
  tryAcquire(): Promise<boolean> {
    if (!this.mine && !this.heldByOther) this.mine = true;
    return Promise.resolve(this.mine);
  }
  stillHeld(): Promise<boolean> {
    if (!this.sessionAlive) this.mine = false;
    return Promise.resolve(this.mine);
  }
  release(): Promise<void> {
    if (this.mine) this.releases++;
    this.mine = false;
    return Promise.resolve();
  }
}

class FakeTerm implements LeaderTerm {
  leads = 0;
  stepDowns = 0;
  finalStepDowns = 0;
  consumerDead = false;
  failLead = false;
  lead(): Promise<void> {
    this.leads++;
    this.consumerDead = false;
    return this.failLead ? Promise.reject(new Error('database away')) : Promise.resolve();
  }
  stepDown(final: boolean): Promise<void> {
    this.stepDowns++;
    if (final) this.finalStepDowns++;
    return Promise.resolve();
  }
  alive(): boolean {
    return !this.consumerDead;
  }
}

const POLL = 5;
const settle = () => new Promise((r) => setTimeout(r, POLL * 10));

function setUp(otherHolds = false) {
  const lock = new FakeLock();
  lock.heldByOther = otherHolds;
  const term = new FakeTerm();
  const events: LeadershipEvent['kind'][] = [];
  const leadership = new Leadership(lock, term, POLL, (e) => events.push(e.kind));
  return { lock, term, events, leadership };
}

describe('Leadership (one leader per warning group, decision 0014)', () => {
  it('leads at start when the lock is free', async () => {
    const { term, leadership } = setUp();
    await leadership.start();
    expect(leadership.current).toBe('leader');
    expect(term.leads).toBe(1);
    await leadership.stop();
    expect(term.finalStepDowns).toBe(1); // a clean stop steps down for good, lock still held
  });

  it('stands by while another instance holds the lock and takes over when it frees', async () => {
    const { lock, term, leadership } = setUp(true);
    await leadership.start();
    expect(leadership.current).toBe('standby');
    await settle();
    expect(term.leads).toBe(0);
    lock.heldByOther = false; // the leader died: PostgreSQL ended its session
    await settle();
    expect(leadership.current).toBe('leader');
    expect(term.leads).toBe(1);
    await leadership.stop();
  });

  it('steps down when its lock session is gone (a database cut), and leads again when it can', async () => {
    const { lock, term, events, leadership } = setUp();
    await leadership.start();
    lock.sessionAlive = false;
    lock.heldByOther = true; // meanwhile the lock is free for others only
    await settle();
    expect(leadership.current).toBe('standby');
    expect(term.stepDowns).toBe(1);
    expect(term.finalStepDowns).toBe(0); // a lost lock withdraws nothing: the new leader's list stays
    lock.sessionAlive = true;
    lock.heldByOther = false;
    await settle();
    expect(leadership.current).toBe('leader');
    expect(term.leads).toBe(2);
    expect(events).toEqual(['leading', 'leadership-lost', 'leading']);
    await leadership.stop();
  });

  it('starts a new term under the same lock when its consumer died for good', async () => {
    const { lock, term, events, leadership } = setUp();
    await leadership.start();
    term.consumerDead = true;
    await settle();
    expect(term.stepDowns).toBe(1);
    expect(term.leads).toBe(2);
    expect(leadership.current).toBe('leader');
    expect(lock.releases).toBe(0);
    expect(events).toEqual(['leading', 'consumer-died', 'leading']);
    await leadership.stop();
  });

  it('gives the lock back when taking over fails, and stops cleanly', async () => {
    const { lock, term, leadership } = setUp();
    term.failLead = true;
    await expect(leadership.start()).rejects.toThrow('database away');
    expect(lock.mine).toBe(false);
    expect(lock.releases).toBe(1);
    expect(leadership.current).toBe('standby');
    term.failLead = false;
    leadership.start().catch(() => undefined);
    await settle();
    expect(leadership.current).toBe('leader');
    await leadership.stop();
    expect(leadership.current).toBe('stopped');
    expect(lock.mine).toBe(false);
  });
});
