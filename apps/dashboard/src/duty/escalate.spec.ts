import { type Alert } from '@fengqiao/contracts';
import { checkCommand, nextEscalationLevel, optimisticAlert, requestBody } from './commands';

const base: Alert = {
  alertId: '00000000-0000-4000-8000-000000000001',
  dedupKey: 'k',
  ruleId: 'r',
  ruleVersion: 1,
  colour: 'red',
  state: 'acknowledged',
  version: 3,
  title: 't',
  region: { county: '511902', township: '511902105' },
  escalationLevel: 'grid',
  raisedAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
  explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
};

describe('escalating from the duty console', () => {
  it.each([
    ['grid', 'township'],
    ['township', 'county'],
    ['county', 'city'],
    ['city', undefined],
  ] as const)('an alert at %s level goes to %s', (from, to) => {
    expect(nextEscalationLevel({ ...base, escalationLevel: from })).toBe(to);
  });

  it('sends the version, the note and the named level, as the escalate route takes them', () => {
    const cmd = { kind: 'escalate' as const, note: '需乡镇协调', toLevel: 'township' as const };
    expect(checkCommand(base, cmd)).toEqual({ ok: true });
    expect(requestBody(cmd, base.version)).toEqual({ version: 3, note: '需乡镇协调', toLevel: 'township' });
  });

  it('shows the alert escalated at the next level while the request is in flight', () => {
    const next = optimisticAlert(
      base,
      { kind: 'escalate', note: 'n', toLevel: 'township' },
      '2026-11-27T01:00:00.000Z',
    );
    expect(next).toMatchObject({ state: 'escalated', escalationLevel: 'township', version: 4 });
  });

  it('refuses an escalation without a note, at city level, or of a closed alert', () => {
    expect(checkCommand(base, { kind: 'escalate', note: '  ', toLevel: 'township' })).toEqual({
      ok: false,
      reason: 'note',
    });
    expect(checkCommand({ ...base, escalationLevel: 'city' }, { kind: 'escalate', note: 'n' })).toEqual({
      ok: false,
      reason: 'top-level',
    });
    expect(
      checkCommand({ ...base, state: 'closed' }, { kind: 'escalate', note: 'n', toLevel: 'township' }),
    ).toEqual({ ok: false, reason: 'state' });
  });
});
