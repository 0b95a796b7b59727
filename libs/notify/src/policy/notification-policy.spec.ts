import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_NOTIFICATION_POLICY,
  NotificationPolicyError,
  parseNotificationPolicy,
  policyFor,
  withoutRegionRule,
  withRegionRule,
} from './notification-policy';

const base = DEFAULT_NOTIFICATION_POLICY.default;

describe('the notification policy document', () => {
  it('its default is the version 1 the migration stores (the old FQ_NOTIFY_* defaults)', () => {
    const dir = join(__dirname, '../../../db/migrations');
    const file = readdirSync(dir).find((f) => f.endsWith('_notification_policy_versions.sql')) ?? '';
    const sql = readFileSync(join(dir, file), 'utf8');
    const literal = /'(\{"default".*?)'::jsonb/s.exec(sql)?.[1] ?? 'null';
    expect(parseNotificationPolicy(JSON.parse(literal))).toEqual(DEFAULT_NOTIFICATION_POLICY);
    expect(base).toEqual({
      red: 'page',
      orange: 'digest',
      blue: 'none',
      backupAfterMs: 300_000,
      digestEveryMs: 900_000,
    });
  });

  it('refuses a bad document with a code, naming each problem', () => {
    const problemsOf = (raw: unknown): string[] => {
      try {
        parseNotificationPolicy(raw);
      } catch (err: unknown) {
        expect(err).toBeInstanceOf(NotificationPolicyError);
        expect((err as NotificationPolicyError).code).toBe('INVALID_NOTIFICATION_POLICY');
        return (err as NotificationPolicyError).problems.map((p) => p.path).sort();
      }
      return [];
    };
    expect(problemsOf({ default: { ...base, blue: 'shout', digestEveryMs: 10 }, regions: [] })).toEqual([
      'default.blue',
      'default.digestEveryMs',
    ]);
    const twice = { ...base, regionCode: '511902' };
    expect(problemsOf({ default: base, regions: [twice, twice] })).toEqual(['regions.1.regionCode']);
    expect(() => parseNotificationPolicy({ default: base })).toThrow(NotificationPolicyError);
  });

  it('an alert follows the override of the most specific region holding it, else the default', () => {
    const policy = withRegionRule(
      withRegionRule(DEFAULT_NOTIFICATION_POLICY, { ...base, regionCode: '511902', blue: 'digest' }),
      {
        ...base,
        regionCode: '511902101',
        blue: 'page',
      },
    );
    expect(policyFor(policy, { county: '511902', township: '511902101', grid: '511902101001001' }).blue).toBe(
      'page',
    );
    expect(policyFor(policy, { county: '511902', township: '511902102' }).blue).toBe('digest');
    expect(policyFor(policy, { county: '511921' })).toEqual(base);
    expect(policyFor(policy, { county: '511902', township: '511902101' })).not.toHaveProperty('regionCode');
  });

  it('region edits replace the same region and keep the others, in code order', () => {
    const once = withRegionRule(DEFAULT_NOTIFICATION_POLICY, { ...base, regionCode: '511923', blue: 'page' });
    const twice = withRegionRule(withRegionRule(once, { ...base, regionCode: '511902' }), {
      ...base,
      regionCode: '511923',
      blue: 'digest',
    });
    expect(twice.regions.map((r) => [r.regionCode, r.blue])).toEqual([
      ['511902', 'none'],
      ['511923', 'digest'],
    ]);
    expect(withoutRegionRule(twice, '511902').regions.map((r) => r.regionCode)).toEqual(['511923']);
    expect(parseNotificationPolicy(twice)).toEqual(twice);
  });
});
