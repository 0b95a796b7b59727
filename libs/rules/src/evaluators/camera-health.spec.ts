import { Harness, onlyRules } from '../__fixtures__/engine';
import { analytics, MIN, status, T0 } from '../__fixtures__/events';

/** The small directory: 40 cameras in township 511902001 (0-9 schools, 10-19 squares, 20-39 roads). */
const darken = (h: Harness, cams: number[], at: number) => {
  for (const c of cams) h.feed({ kind: 'camera-status', event: status(at, c, false) }, at);
};
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe("camera health: share of a township's cameras offline", () => {
  it.each([
    [7, undefined],
    [8, 'blue'],
    [15, 'blue'],
    [16, 'orange'],
    [27, 'orange'],
    [28, 'red'],
  ])('%i of 40 offline for 5 minutes → %s', (n, colour) => {
    const h = new Harness({ ruleSet: onlyRules('township-cameras-offline') });
    darken(h, range(20, Math.min(n, 20)).concat(range(0, Math.max(0, n - 20))), T0);
    h.tick(T0 + 5 * MIN);
    expect([...h.state.book.byKey.values()][0]?.alert.colour).toBe(colour);
  });

  it('waits for the pending period: a 4-minute blip raises nothing', () => {
    const h = new Harness({ ruleSet: onlyRules('township-cameras-offline') });
    darken(h, range(20, 10), T0);
    h.tick(T0 + 3 * MIN);
    for (const c of range(20, 10))
      h.feed({ kind: 'camera-status', event: status(T0 + 4 * MIN, c, true) }, T0 + 4 * MIN);
    h.tick(T0 + 10 * MIN);
    expect(h.decisions).toEqual([]);
  });

  it('clears only after 10 minutes back below the threshold (hysteresis)', () => {
    const h = new Harness({ ruleSet: onlyRules('township-cameras-offline') });
    darken(h, range(20, 10), T0);
    h.tick(T0 + 5 * MIN);
    for (const c of range(20, 10))
      h.feed({ kind: 'camera-status', event: status(T0 + 6 * MIN, c, true) }, T0 + 6 * MIN);
    h.tick(T0 + 15 * MIN);
    expect(Harness.summary(h.decisions)).toEqual(['raised township-cameras-offline blue']);
    h.tick(T0 + 16 * MIN);
    expect(Harness.summary(h.decisions)).toEqual([
      'raised township-cameras-offline blue',
      'resolved township-cameras-offline blue',
    ]);
  });

  it('heartbeats that change nothing cost nothing and raise nothing', () => {
    const h = new Harness();
    for (let i = 0; i < 100; i++) h.feed({ kind: 'camera-status', event: status(T0 + i, 25, true) }, T0 + i);
    expect(h.decisions).toEqual([]);
    expect(h.state.cameras.offline.size).toBe(0);
  });
});

describe('camera health: a dark key-site camera near an active incident', () => {
  it('raises when a school camera goes dark 100 m from an open orange incident', () => {
    const h = new Harness({ ruleSet: onlyRules('fight-detected', 'dark-key-site-near-incident') });
    h.feed({ kind: 'camera-analytics', event: analytics(T0, 25, 'fight', 0.7) }, T0);
    const ds = h.feed({ kind: 'camera-status', event: status(T0 + MIN, 3, false) }, T0 + MIN);
    expect(Harness.summary(ds)).toEqual(['raised dark-key-site-near-incident orange']);
    const d = ds[0];
    if (d?.type !== 'raised') throw new Error('expected a raise');
    expect(d.alert.explanation.values.distanceM).toBeLessThan(1000);
  });

  it('raises when the incident comes after the camera went dark', () => {
    const h = new Harness({ ruleSet: onlyRules('fight-detected', 'dark-key-site-near-incident') });
    h.feed({ kind: 'camera-status', event: status(T0, 3, false) }, T0);
    const ds = h.feed({ kind: 'camera-analytics', event: analytics(T0 + MIN, 25, 'fight', 0.7) }, T0 + MIN);
    expect(Harness.summary(ds)).toEqual([
      'raised fight-detected orange',
      'raised dark-key-site-near-incident orange',
    ]);
  });

  it('a dark road camera is not a key site', () => {
    const h = new Harness({ ruleSet: onlyRules('fight-detected', 'dark-key-site-near-incident') });
    h.feed({ kind: 'camera-analytics', event: analytics(T0, 25, 'fight', 0.7) }, T0);
    expect(h.feed({ kind: 'camera-status', event: status(T0 + MIN, 30, false) }, T0 + MIN)).toEqual([]);
  });

  it('the camera coming back clears the alert', () => {
    const h = new Harness({ ruleSet: onlyRules('fight-detected', 'dark-key-site-near-incident') });
    h.feed({ kind: 'camera-analytics', event: analytics(T0, 25, 'fight', 0.7) }, T0);
    h.feed({ kind: 'camera-status', event: status(T0 + MIN, 3, false) }, T0 + MIN);
    const ds = h.feed({ kind: 'camera-status', event: status(T0 + 2 * MIN, 3, true) }, T0 + 2 * MIN);
    expect(Harness.summary(ds)).toEqual(['resolved dark-key-site-near-incident orange']);
  });
});

describe('inhibition: an outage explains the per-camera alerts', () => {
  it('a township outage suppresses new key-site-offline alerts in that township', () => {
    const h = new Harness({ ruleSet: onlyRules('township-cameras-offline', 'key-site-camera-offline') });
    darken(h, range(20, 20), T0);
    h.tick(T0 + 5 * MIN);
    const ds = h.feed({ kind: 'camera-status', event: status(T0 + 6 * MIN, 2, false) }, T0 + 6 * MIN);
    expect(Harness.summary(ds)).toEqual(['suppressed key-site-camera-offline blue']);
    const d = ds[0];
    expect(d?.type === 'suppressed' && d.inhibitionId).toBe('township-outage-over-cameras');
  });
});
