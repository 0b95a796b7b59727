import { Harness, onlyRules } from '../__fixtures__/engine';
import { MIN, status, T0 } from '../__fixtures__/events';

/** The small directory: 40 cameras in township 511902001 (0-9 schools, 10-19 squares, 20-39 roads). */
const ROADS = Array.from({ length: 10 }, (_, i) => 20 + i);
const SCHOOL = 0;
const OUTAGE = 'township-cameras-offline';
const KEY_SITE = 'key-site-camera-offline';

/** A township outage (25 % dark, blue after 5 min) that holds back the school camera's own alert. */
function outageHoldingSchoolCamera(): Harness {
  const h = new Harness({ ruleSet: onlyRules(OUTAGE, KEY_SITE) });
  for (const c of ROADS) h.feed({ kind: 'camera-status', event: status(T0, c, false) }, T0);
  h.tick(T0 + 5 * MIN);
  h.feed({ kind: 'camera-status', event: status(T0 + 6 * MIN, SCHOOL, false) }, T0 + 6 * MIN);
  expect(Harness.summary(h.decisions)).toEqual([`raised ${OUTAGE} blue`, `suppressed ${KEY_SITE} blue`]);
  return h;
}

const roadsBack = (h: Harness, at: number) => {
  for (const c of ROADS) h.feed({ kind: 'camera-status', event: status(at, c, true) }, at);
};

describe('inhibition is re-judged when the inhibiting alert clears', () => {
  it('the outage clears by itself: the school camera, still dark, now raises its own alert', () => {
    const h = outageHoldingSchoolCamera();
    roadsBack(h, T0 + 7 * MIN);
    const cleared = h.tick(T0 + 17 * MIN);
    expect(Harness.summary(cleared)).toEqual([`resolved ${OUTAGE} blue`, `raised ${KEY_SITE} blue`]);
    const raised = cleared[1];
    expect(raised?.type === 'raised' && raised.notify).toBe(true);
    expect(h.state.book.held.size).toBe(0);
  });

  it('the school camera came back before the outage cleared: nothing is raised', () => {
    const h = outageHoldingSchoolCamera();
    h.feed({ kind: 'camera-status', event: status(T0 + 6.5 * MIN, SCHOOL, true) }, T0 + 6.5 * MIN);
    roadsBack(h, T0 + 7 * MIN);
    expect(Harness.summary(h.tick(T0 + 17 * MIN))).toEqual([`resolved ${OUTAGE} blue`]);
  });

  it('a person resolved the outage: what it held back is covered by that resolution, not raised', () => {
    const h = outageHoldingSchoolCamera();
    const outage = [...h.state.book.byKey.values()][0]?.alert;
    if (outage === undefined) throw new Error('no outage alert');
    const actor = { userId: 'u-1', role: 'duty-officer' };
    const ack = {
      kind: 'acknowledge' as const,
      alertId: outage.alertId,
      expectedVersion: outage.version,
      actor,
    };
    h.feed({ kind: 'command', command: ack }, T0 + 8 * MIN);
    const resolved = h.feed(
      {
        kind: 'command',
        command: {
          kind: 'resolve',
          alertId: outage.alertId,
          expectedVersion: outage.version + 1,
          actor: { userId: 'u-1', role: 'duty-officer' },
          outcome: 'real-incident',
        },
      },
      T0 + 8 * MIN,
    );
    expect(Harness.summary(resolved)).toEqual([`resolved ${OUTAGE} blue`]);
    expect(h.state.book.held.size).toBe(0);
  });

  it('still inhibited by another open source: the held alert waits', () => {
    const h = outageHoldingSchoolCamera();
    // A second, unrelated alert closing must not release what the outage still holds back.
    h.state.book.releaseDue = 'fire';
    expect(Harness.summary(h.tick(T0 + 9 * MIN))).toEqual([]);
    expect(h.state.book.held.size).toBe(1);
  });

  it('held signals are forgotten after the reopen period (bounded memory)', () => {
    const h = outageHoldingSchoolCamera();
    h.tick(T0 + 4 * 24 * 60 * MIN);
    expect(h.state.book.held.size).toBe(0);
  });
});
