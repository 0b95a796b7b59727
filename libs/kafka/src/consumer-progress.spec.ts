import { ConsumerProgress } from './consumer-progress';

const WINDOW = 10_000;

function joinedAt(t: number): ConsumerProgress {
  const p = new ConsumerProgress(t);
  p.joinedGroup(t);
  return p;
}

describe('ConsumerProgress', () => {
  it('is healthy with nothing to do, however long nothing arrives', () => {
    const p = joinedAt(0);
    p.fetched('t', 0, '10', '0', 0);
    p.committed('t', 0, '10', 100);
    expect(p.check(WINDOW, 10 * WINDOW)).toEqual({ ok: true, detail: 'caught up' });
  });

  it('is healthy while commits keep moving on a lagging partition', () => {
    const p = joinedAt(0);
    p.fetched('t', 0, '1000', '0', 0);
    p.committed('t', 0, '100', 9000);
    p.committed('t', 0, '200', 18_000);
    expect(p.check(WINDOW, 20_000)).toMatchObject({ ok: true, detail: 'lag 800, progressing' });
  });

  it('turns not ok when work waits and nothing was committed for a whole window (a wedged handler)', () => {
    const p = joinedAt(0);
    p.fetched('t', 3, '50', '0', 1000);
    expect(p.check(WINDOW, 1000 + WINDOW).ok).toBe(true);
    const stuck = p.check(WINDOW, 1001 + WINDOW);
    expect(stuck.ok).toBe(false);
    expect(stuck.detail).toContain('t/3 (50 waiting)');
  });

  it('starts the window when work appears on an idle partition, not at its last commit', () => {
    const p = joinedAt(0);
    p.committed('t', 0, '10', 0);
    p.fetched('t', 0, '20', '10', 5 * WINDOW);
    expect(p.check(WINDOW, 5 * WINDOW + 1000).ok).toBe(true);
  });

  it('forgets partitions on a rejoin (another member may own them now)', () => {
    const p = joinedAt(0);
    p.fetched('t', 0, '50', '0', 0);
    p.joinedGroup(2 * WINDOW);
    expect(p.check(WINDOW, 2 * WINDOW + 1).ok).toBe(true);
  });

  it('is not ok after a window outside its group, ok within one (a rebalance)', () => {
    const p = joinedAt(0);
    p.leftGroup(1000);
    expect(p.check(WINDOW, 1000 + WINDOW).ok).toBe(true);
    expect(p.check(WINDOW, 1001 + WINDOW)).toMatchObject({ ok: false });
    expect(new ConsumerProgress(0).check(WINDOW, WINDOW + 1).ok).toBe(false);
  });
});
