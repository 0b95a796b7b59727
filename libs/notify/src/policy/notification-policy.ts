import {
  notificationPolicySchema,
  type NotificationPolicy,
  type NotifyRegionRule,
  type NotifyRule,
} from '@fengqiao/contracts';

const MINUTE_MS = 60_000;

/**
 * The policy before any version was stored, and the one migration 20261207063300 stores as version 1
 * (the values FQ_NOTIFY_BACKUP_AFTER_MS / FQ_NOTIFY_DIGEST_MS defaulted to): red pages the level's
 * primary at once and its backup 5 minutes later, orange goes into a 15-minute digest, blue pages
 * nobody. Kept equal to the migration's document by notification-policy.spec.ts.
 */
export const DEFAULT_NOTIFICATION_POLICY: NotificationPolicy = {
  default: {
    red: 'page',
    orange: 'digest',
    blue: 'none',
    backupAfterMs: 5 * MINUTE_MS,
    digestEveryMs: 15 * MINUTE_MS,
  },
  regions: [],
};

/** A stored or proposed policy that does not parse: its problems, each with its path. */
export class NotificationPolicyError extends Error {
  readonly code = 'INVALID_NOTIFICATION_POLICY';

  constructor(readonly problems: readonly { path: string; message: string }[]) {
    super(`invalid notification policy: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'NotificationPolicyError';
  }
}

/** Checks a stored or new policy document; throws NotificationPolicyError naming each problem. */
export function parseNotificationPolicy(raw: unknown): NotificationPolicy {
  const r = notificationPolicySchema.safeParse(raw);
  if (r.success) return r.data;
  throw new NotificationPolicyError(
    r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/**
 * The rule an alert in `region` is notified by: the override of the most specific region holding it
 * (a grid's code starts with its village's, township's and county's), else the city-wide default.
 */
export function policyFor(
  policy: NotificationPolicy,
  region: { readonly county: string; readonly township?: string; readonly grid?: string },
): NotifyRule {
  const code = region.grid ?? region.township ?? region.county;
  let best: NotifyRegionRule | undefined;
  for (const r of policy.regions)
    if (code.startsWith(r.regionCode) && r.regionCode.length > (best?.regionCode.length ?? 0)) best = r;
  if (best === undefined) return policy.default;
  const { regionCode: _, ...rule } = best;
  return rule;
}

/** The policy with this region's override set (replacing one for the same region). */
export function withRegionRule(policy: NotificationPolicy, rule: NotifyRegionRule): NotificationPolicy {
  const regions = [...policy.regions.filter((r) => r.regionCode !== rule.regionCode), rule].sort((a, b) =>
    a.regionCode.localeCompare(b.regionCode),
  );
  return { ...policy, regions };
}

/** The policy without this region's override. */
export function withoutRegionRule(policy: NotificationPolicy, regionCode: string): NotificationPolicy {
  return { ...policy, regions: policy.regions.filter((r) => r.regionCode !== regionCode) };
}
