import { ALERT_STATES, type Alert, type AlertState } from '@fengqiao/contracts';
import fc from 'fast-check';
import {
  ALERT_TRANSITIONS,
  alertActionsFrom,
  planAlertTransition as planTransition,
  type AlertAction,
  type AlertCommand as TransitionCommand,
} from './alert-transitions';

const NOW = '2026-11-27T03:00:00.000Z';
const alert = (state: AlertState, colour: Alert['colour'] = 'orange'): Alert => ({
  alertId: '00000000-0000-4000-8000-000000000001',
  dedupKey: 'k',
  ruleId: 'r',
  ruleVersion: 1,
  colour,
  state,
  version: 3,
  title: 't',
  region: { county: '511902' },
  escalationLevel: 'grid',
  raisedAt: '2026-11-27T02:00:00.000Z',
  updatedAt: '2026-11-27T02:00:00.000Z',
  explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
});

const ack: TransitionCommand = { kind: 'acknowledge', note: 'ok' };
const dispatch: TransitionCommand = { kind: 'dispatch', unit: 'center@511902' };
const resolve: TransitionCommand = { kind: 'resolve', outcome: 'false-alarm' };
const silence: TransitionCommand = { kind: 'silence', minutes: 30, note: '演练' };
const escalate: TransitionCommand = { kind: 'escalate', note: '无人响应' };
const at = (a: Alert, escalationLevel: Alert['escalationLevel']): Alert => ({ ...a, escalationLevel });

describe('planTransition', () => {
  it.each([
    ['acknowledge a raised alert', alert('raised'), ack, 'acknowledged'],
    ['acknowledge an escalated alert', alert('escalated', 'red'), ack, 'acknowledged'],
    ['acknowledge a silenced alert', alert('silenced'), ack, 'acknowledged'],
    ['dispatch an acknowledged alert', alert('acknowledged'), dispatch, 'dispatched'],
    ['resolve a dispatched alert', alert('dispatched'), resolve, 'resolved'],
    ['resolve an acknowledged alert', alert('acknowledged'), resolve, 'resolved'],
    ['silence a raised orange alert', alert('raised'), silence, 'silenced'],
    ['escalate a raised alert', alert('raised', 'red'), escalate, 'escalated'],
    ['escalate a dispatched alert', alert('dispatched'), escalate, 'escalated'],
    ['escalate an escalated alert again', at(alert('escalated'), 'township'), escalate, 'escalated'],
  ])('may %s', (_title, before, cmd, state) => {
    const plan = planTransition(before, cmd, NOW);
    expect(plan).toMatchObject({ ok: true, next: { state, version: 4, updatedAt: NOW } });
  });

  it.each([
    ['dispatch an unacknowledged alert', alert('raised'), dispatch, 'ALERT_INVALID_TRANSITION'],
    [
      "dispatch to a unit that does not stand at the alert's place",
      alert('acknowledged'),
      { kind: 'dispatch', unit: '派出所' } as const,
      'DISPATCH_UNIT_UNKNOWN',
    ],
    [
      "dispatch to another county's centre",
      alert('acknowledged'),
      { kind: 'dispatch', unit: 'center@511921' } as const,
      'DISPATCH_UNIT_UNKNOWN',
    ],
    ['resolve a raised alert', alert('raised'), resolve, 'ALERT_INVALID_TRANSITION'],
    ['acknowledge a resolved alert', alert('resolved'), ack, 'ALERT_INVALID_TRANSITION'],
    [
      'acknowledge red without a note',
      alert('raised', 'red'),
      { kind: 'acknowledge' } as const,
      'ALERT_NOTE_REQUIRED',
    ],
    ['silence a red alert', alert('raised', 'red'), silence, 'ALERT_NOT_SILENCEABLE'],
    ['silence an acknowledged alert', alert('acknowledged'), silence, 'ALERT_INVALID_TRANSITION'],
    ['escalate a resolved alert', alert('resolved'), escalate, 'ALERT_INVALID_TRANSITION'],
    ['escalate past the city', at(alert('raised'), 'city'), escalate, 'ALERT_INVALID_TRANSITION'],
    [
      'escalate down to a lower level',
      at(alert('raised'), 'county'),
      { kind: 'escalate', note: 'x', toLevel: 'township' } as const,
      'ALERT_INVALID_TRANSITION',
    ],
  ])('may not %s', (_title, before, cmd, code) => {
    expect(planTransition(before, cmd, NOW)).toMatchObject({ ok: false, code });
  });

  it('stamps acknowledgement and resolution times and the outcome', () => {
    const acked = planTransition(alert('raised'), ack, NOW);
    expect(acked.ok && acked.next.acknowledgedAt).toBe(NOW);
    const resolved = planTransition(alert('dispatched'), resolve, NOW);
    expect(resolved.ok && [resolved.next.resolvedAt, resolved.next.outcome, resolved.note]).toEqual([
      NOW,
      'false-alarm',
      'outcome false-alarm',
    ]);
  });

  it.each([
    ['one level up by default', 'grid', undefined, 'township'],
    ['to the level asked for', 'grid', 'county', 'county'],
    ['from county to city', 'county', undefined, 'city'],
  ] as const)('escalates %s', (_title, from, toLevel, level) => {
    const plan = planTransition(at(alert('raised'), from), { kind: 'escalate', note: 'n', toLevel }, NOW);
    expect(plan).toMatchObject({ ok: true, change: 'escalated', next: { escalationLevel: level } });
    expect(plan.ok && plan.note).toBe(`to ${level}: n`);
  });
});

describe('the alert transition table', () => {
  it.each([
    ['raised', ['acknowledge', 'silence', 'escalate']],
    ['acknowledged', ['dispatch', 'resolve', 'escalate']],
    ['dispatched', ['resolve', 'escalate']],
    ['resolved', ['close']],
    ['closed', []],
    ['silenced', ['acknowledge', 'escalate']],
    ['escalated', ['acknowledge', 'escalate']],
    ['reopened', ['acknowledge', 'silence', 'escalate']],
  ] as const)('from %s allows %j', (state, actions) => {
    expect(alertActionsFrom(state)).toEqual(actions);
  });

  it.each([
    ['a blank note', { kind: 'acknowledge', note: '   ' } as const],
    ['no note', { kind: 'acknowledge' } as const],
  ])('refuses to acknowledge a red alert with %s', (_title, cmd) => {
    expect(planTransition(alert('raised', 'red'), cmd, NOW)).toMatchObject({ code: 'ALERT_NOTE_REQUIRED' });
  });

  const commandOf: Record<AlertAction, TransitionCommand> = {
    acknowledge: ack,
    dispatch,
    resolve,
    close: { kind: 'close' },
    silence,
    escalate,
  };

  it('a planned command leads to the state of its row, one version later, or is refused with a code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALERT_STATES),
        fc.constantFrom(...(Object.keys(ALERT_TRANSITIONS) as AlertAction[])),
        fc.constantFrom('blue', 'orange', 'red'),
        (state, action, colour) => {
          const plan = planTransition(alert(state, colour), commandOf[action], NOW);
          const allowed = ALERT_TRANSITIONS[action].from.includes(state);
          if (plan.ok) {
            expect(allowed).toBe(true);
            expect(plan.next.state).toBe(ALERT_TRANSITIONS[action].to);
            expect(plan.next.version).toBe(4);
          } else {
            expect(plan.code === 'ALERT_INVALID_TRANSITION' ? true : allowed && colour === 'red').toBe(true);
          }
        },
      ),
    );
  });
});
