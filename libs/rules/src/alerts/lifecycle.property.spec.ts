import fc from 'fast-check';
import { type Alert } from '@fengqiao/contracts';
import { Harness } from '../__fixtures__/engine';
import { analytics, MIN, T0 } from '../__fixtures__/events';
import { DEFAULT_RULE_SET } from '../defaults/default-rule-set';
import { type AlertCommand, type Decision } from './decisions';

const ACK_TTL = DEFAULT_RULE_SET.escalation.ackTtlMs;
const officer = { userId: 'u-1', role: 'duty-officer' };

/** One step of a duty shift: someone acts (maybe on a stale screen), the camera re-fires, or time passes. */
type Action =
  | { kind: 'ack' | 'dispatch' | 'resolve' | 'close' | 'silence'; stale: boolean; afterMin: number }
  | { kind: 'retrigger'; afterMin: number }
  | { kind: 'tick'; afterMin: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('ack', 'dispatch', 'resolve', 'close', 'silence'),
    stale: fc.boolean(),
    afterMin: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({ kind: fc.constant('retrigger'), afterMin: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ kind: fc.constant('tick'), afterMin: fc.integer({ min: 0, max: 130 }) }),
);

function commandOf(a: Extract<Action, { stale: boolean }>, alert: Alert): AlertCommand {
  const base = { alertId: alert.alertId, expectedVersion: alert.version - (a.stale ? 1 : 0), actor: officer };
  switch (a.kind) {
    case 'ack':
      return { ...base, kind: 'acknowledge' };
    case 'dispatch':
      return { ...base, kind: 'dispatch', department: 'police' };
    case 'resolve':
      return { ...base, kind: 'resolve', outcome: 'real-incident' };
    case 'close':
      return { ...base, kind: 'close' };
    case 'silence':
      return { ...base, kind: 'silence' };
  }
}

/** Replays a shift; returns every decision with the time it was made. */
function run(actions: readonly Action[]): { decisions: { at: number; d: Decision }[]; h: Harness } {
  const h = new Harness();
  const out: { at: number; d: Decision }[] = [];
  let now = T0;
  const feed = (ds: Decision[]) => ds.forEach((d) => out.push({ at: now, d }));
  feed(h.feed({ kind: 'camera-analytics', event: analytics(now, 25, 'fire-smoke', 0.9) }, now));
  for (const a of actions) {
    now += a.afterMin * MIN;
    const held = [...h.state.book.byKey.values()][0]?.alert;
    if (a.kind === 'tick') feed(h.tick(now));
    else if (a.kind === 'retrigger')
      feed(h.feed({ kind: 'camera-analytics', event: analytics(now, 25, 'fire-smoke', 0.9) }, now));
    else if (held !== undefined) feed(h.feed({ kind: 'command', command: commandOf(a, held) }, now));
  }
  return { decisions: out, h };
}

const changes = (ds: { at: number; d: Decision }[]) =>
  ds.flatMap(({ at, d }) => (d.type === 'refused' || d.type === 'suppressed' ? [] : [{ at, d }]));

describe('alert lifecycle under every interleaving of ack, dispatch, resolve, escalation and re-trigger', () => {
  const shifts = fc.array(action, { minLength: 1, maxLength: 40 });

  it('no lost and no doubled transition: each change of an alert is exactly its previous version + 1', () => {
    fc.assert(
      fc.property(shifts, (actions) => {
        const last = new Map<string, number>();
        for (const { d } of changes(run(actions).decisions)) {
          expect(d.alert.version).toBe((last.get(d.alert.alertId) ?? 0) + 1);
          last.set(d.alert.alertId, d.alert.version);
        }
      }),
    );
  });

  it('no double notification: at most one notifying decision per alert version, never for a human change', () => {
    fc.assert(
      fc.property(shifts, (actions) => {
        const seen = new Set<string>();
        for (const { d } of changes(run(actions).decisions)) {
          if (!d.notify) continue;
          expect(['raised', 'reopened', 'updated', 'escalated']).toContain(d.type);
          const key = `${d.alert.alertId}@${d.alert.version}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }),
    );
  });

  it('an acknowledged alert never escalates before its acknowledgement expires', () => {
    fc.assert(
      fc.property(shifts, (actions) => {
        const ackedAt = new Map<string, number>();
        for (const { at, d } of changes(run(actions).decisions)) {
          if (d.type === 'acknowledged') ackedAt.set(d.alert.alertId, at);
          else if (d.type === 'escalated' && ackedAt.has(d.alert.alertId)) {
            expect(at).toBeGreaterThanOrEqual((ackedAt.get(d.alert.alertId) ?? 0) + ACK_TTL);
          }
          if (d.type !== 'acknowledged' && d.type !== 'updated') ackedAt.delete(d.alert.alertId);
        }
      }),
    );
  });

  it('a command naming a stale version is always refused and changes nothing', () => {
    fc.assert(
      fc.property(shifts, (actions) => {
        const last = new Map<string, number>();
        for (const { d } of run(actions).decisions) {
          if (d.type === 'refused' && d.code === 'STALE_VERSION') {
            expect(d.expectedVersion).not.toBe(d.actualVersion);
            expect(d.actualVersion).toBe(last.get(d.alertId));
          } else if (d.type !== 'refused' && d.type !== 'suppressed') {
            last.set(d.alert.alertId, d.alert.version);
          }
        }
      }),
    );
  });

  it('the engine holds exactly the last version it decided', () => {
    fc.assert(
      fc.property(shifts, (actions) => {
        const { decisions, h } = run(actions);
        const lastById = new Map<string, Alert>();
        for (const { d } of changes(decisions)) lastById.set(d.alert.alertId, d.alert);
        for (const [id, alert] of lastById) {
          const held = h.state.book.byId.get(id);
          if (held !== undefined) expect(held.alert).toEqual(alert);
        }
      }),
    );
  });
});
