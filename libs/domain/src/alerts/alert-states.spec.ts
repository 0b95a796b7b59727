import { ALERT_STATES, type AlertState } from '@fengqiao/contracts';
import { isAlertOpen, isAlertUnacknowledged } from './alert-states';
import { isAlertActionAllowed } from './alert-transitions';

describe('open and unacknowledged alert states: one reading for engine, notifications and queries', () => {
  it.each<[AlertState, boolean, boolean]>([
    // [state, open, unacknowledged]
    ['raised', true, true],
    ['acknowledged', true, false],
    ['dispatched', true, false],
    ['resolved', false, false],
    ['closed', false, false],
    ['silenced', true, false],
    ['escalated', true, true],
    ['reopened', true, true],
  ])('%s: open %s, unacknowledged %s', (state, open, unacknowledged) => {
    expect(isAlertOpen(state)).toBe(open);
    expect(isAlertUnacknowledged(state)).toBe(unacknowledged);
  });

  it('covers every state of the contract', () => {
    expect(ALERT_STATES).toHaveLength(8);
  });

  it.each(ALERT_STATES)('%s: open exactly when it may still be escalated by hand', (state) => {
    expect(isAlertOpen(state)).toBe(isAlertActionAllowed('escalate', state));
  });

  it.each(ALERT_STATES)('%s: an unacknowledged alert is open and can be acknowledged', (state) => {
    const fits = isAlertOpen(state) && isAlertActionAllowed('acknowledge', state);
    expect(!isAlertUnacknowledged(state) || fits).toBe(true);
  });
});
