import { type Alert } from '@fengqiao/contracts';
import { checkCommand, optimisticAlert, requestBody } from './commands';

const base: Alert = {
  alertId: '00000000-0000-4000-8000-000000000001',
  dedupKey: 'k',
  ruleId: 'r',
  ruleVersion: 1,
  colour: 'red',
  state: 'raised',
  version: 3,
  title: 't',
  region: { county: '511902' },
  escalationLevel: 'grid',
  raisedAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
  explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
};

describe('duty console commands', () => {
  it.each([
    ['a red alert without a note', base, { kind: 'acknowledge' as const }, { ok: false, reason: 'note' }],
    ['a red alert with a note', base, { kind: 'acknowledge' as const, note: '已核实' }, { ok: true }],
    [
      'an orange alert without a note',
      { ...base, colour: 'orange' as const },
      { kind: 'acknowledge' as const },
      { ok: true },
    ],
    [
      'dispatching a raised alert',
      base,
      { kind: 'dispatch' as const, unit: '派出所' },
      { ok: false, reason: 'state' },
    ],
    [
      "dispatching to a unit that does not stand at the alert's place",
      { ...base, state: 'acknowledged' as const },
      { kind: 'dispatch' as const, unit: '派出所' },
      { ok: false, reason: 'unit' },
    ],
    [
      "dispatching to its county's centre",
      { ...base, state: 'acknowledged' as const },
      { kind: 'dispatch' as const, unit: 'center@511902' },
      { ok: true },
    ],
    [
      'silencing a red alert',
      base,
      { kind: 'silence' as const, minutes: 30, note: 'x' },
      { ok: false, reason: 'red-silence' },
    ],
  ])('checks %s', (_title, alert, cmd, expected) => {
    expect(checkCommand(alert, cmd)).toEqual(expected);
  });

  it('shows the acknowledged state at the next version while the request is in flight', () => {
    const next = optimisticAlert(base, { kind: 'acknowledge', note: 'n' }, '2026-11-27T00:01:00.000Z');
    expect(next).toEqual(
      expect.objectContaining({
        state: 'acknowledged',
        version: 4,
        acknowledgedAt: '2026-11-27T00:01:00.000Z',
      }),
    );
    const resolved = optimisticAlert(
      { ...base, state: 'dispatched' },
      { kind: 'resolve', outcome: 'false-alarm' },
      'T',
    );
    expect(resolved).toEqual(
      expect.objectContaining({ state: 'resolved', outcome: 'false-alarm', resolvedAt: 'T' }),
    );
  });

  it('sends the version the officer saw and leaves out an empty note', () => {
    expect(requestBody({ kind: 'dispatch', unit: '巴州区派出所', note: ' ' }, 4)).toEqual({
      version: 4,
      unit: '巴州区派出所',
    });
    expect(requestBody({ kind: 'acknowledge', note: '已核实' }, 2)).toEqual({ version: 2, note: '已核实' });
  });
});
