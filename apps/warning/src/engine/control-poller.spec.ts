import { type RuleSetInput } from '@fengqiao/contracts';
import { ActiveVersionInvalidError, type ActiveVersion, type DbPool } from '@fengqiao/db';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { type ControlRepository } from '../persistence/control.repository';
import { ControlPoller, type ControlEvent } from './control-poller';
import { type WarningService } from './warning.service';

/** What the one active-rule-set cache (libs/db activeRuleSetCache) answers, poll by poll. */
function pollerWith(answers: (() => Promise<ActiveVersion<RuleSetInput> | undefined>)[]) {
  const activated: string[] = [];
  const events: ControlEvent[] = [];
  const service = {
    activate: (r: RuleSetInput) => {
      activated.push(r.name);
      return Promise.resolve();
    },
    setSilences: () => Promise.resolve(),
  } as unknown as WarningService;
  const control = { liveSilences: () => Promise.resolve([]) } as unknown as ControlRepository;
  let poll = 0;
  const ruleSets = {
    refresh: () => answers[Math.min(poll++, answers.length - 1)]?.() ?? Promise.resolve(undefined),
  };
  const poller = new ControlPoller({} as DbPool, ruleSets, control, service, { now: () => 0 }, (e) =>
    events.push(e),
  );
  return { poller, activated, events };
}

const version = (v: number, name: string) => () =>
  Promise.resolve({ version: v, document: { ...DEFAULT_RULE_SET, name } });

describe('ControlPoller follows the active rule set through the one cache', () => {
  it('activates each new version once, reports a refused body with its version, and keeps judging with the last good set', async () => {
    const { poller, activated, events } = pollerWith([
      version(1, 'one'),
      version(1, 'one'),
      () => Promise.reject(new ActiveVersionInvalidError(2, new Error('rules[0]: bad'))),
      version(1, 'one'),
      version(3, 'three'),
    ]);
    for (let i = 0; i < 5; i++) await poller.refresh();
    expect(activated).toEqual(['one', 'three']);
    const reported = events.flatMap((e) =>
      e.kind === 'silences-changed' ? [] : [[e.kind, e.version, 'error' in e ? e.error.slice(0, 22) : '']],
    );
    expect(reported).toEqual([
      ['rule-set-activated', 1, ''],
      ['rule-set-invalid', 2, 'ACTIVE_VERSION_INVALID'],
      ['rule-set-activated', 3, ''],
    ]);
    expect(poller.activeVersion).toBe(3);
  });

  it('a database error is not a refused rule set: it reaches the caller (the tick logs it)', async () => {
    const { poller, events } = pollerWith([() => Promise.reject(new Error('database away'))]);
    await expect(poller.refresh()).rejects.toThrow('database away');
    expect(events).toEqual([]);
  });
});
