import { randomUUID } from 'node:crypto';
import {
  DUTY_ROSTERS_TABLE,
  NOTIFICATION_POLICIES_TABLE,
  NotificationPreferencesRepository,
  reviseActive,
  VersionedDocumentsRepository,
  withTransaction,
  type DbPool,
  type NotifyChannel,
} from '@fengqiao/db';
import { type NotifyRule } from '@fengqiao/contracts';
import {
  DEFAULT_NOTIFICATION_POLICY,
  EMPTY_ROSTER,
  parseDutyRoster,
  parseNotificationPolicy,
  withPattern,
  withRegionRule,
} from '@fengqiao/notify';

const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6];

/** A duty officer with a notification preference; returns the user id. */
export async function aDutyOfficer(
  pool: DbPool,
  name: string,
  channel: NotifyChannel,
  address: string,
): Promise<string> {
  const userId = randomUUID();
  await pool.query(
    `INSERT INTO users (user_id, username, display_name, role, password_hash) VALUES ($1, $2, $3, 'duty-officer', 'x')`,
    [userId, `duty-${userId.slice(0, 8)}`, name],
  );
  await new NotificationPreferencesRepository().set(
    pool,
    { user_id: userId, channel, address, quiet_from: null, quiet_to: null },
    new Date(),
  );
  return userId;
}

/**
 * Puts primary and backup on every shift of every day of the region: a new active version of the
 * roster document, built on the active one (as the API's roster edits are).
 */
export async function rosterAllWeek(
  pool: DbPool,
  regionCode: string,
  primary: string,
  backup: string | null,
): Promise<void> {
  const repo = new VersionedDocumentsRepository(DUTY_ROSTERS_TABLE);
  await withTransaction(pool, (tx) =>
    reviseActive(tx, repo, {
      validate: parseDutyRoster,
      by: 'test',
      at: new Date(),
      build: (current) => ({
        document: (['day', 'night'] as const).reduce(
          (r, shift) =>
            withPattern(r, {
              regionCode,
              shift,
              weekdays: ALL_WEEK,
              primaryUserId: primary,
              backupUserId: backup,
            }),
          current ?? EMPTY_ROSTER,
        ),
        note: `test roster for ${regionCode}`,
      }),
    }),
  );
}

/**
 * Gives the region its own notification rule (the default's, with `changes`): a new active version
 * of the policy document built on the active one, as a policy edit is, so specs sharing the
 * database each touch only their own region. Returns the new version.
 */
export async function regionPolicy(
  pool: DbPool,
  regionCode: string,
  changes: Partial<NotifyRule>,
): Promise<number> {
  const repo = new VersionedDocumentsRepository(NOTIFICATION_POLICIES_TABLE);
  const revised = await withTransaction(pool, (tx) =>
    reviseActive(tx, repo, {
      validate: parseNotificationPolicy,
      by: 'test',
      at: new Date(),
      build: (current) => {
        const policy = current ?? DEFAULT_NOTIFICATION_POLICY;
        return {
          document: withRegionRule(policy, { ...policy.default, ...changes, regionCode }),
          note: `test policy for ${regionCode}`,
        };
      },
    }),
  );
  return revised.version;
}
