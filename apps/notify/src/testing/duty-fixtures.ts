import { randomUUID } from 'node:crypto';
import {
  NotificationPreferencesRepository,
  RostersRepository,
  type DbPool,
  type NotifyChannel,
} from '@fengqiao/db';

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

/** Puts primary and backup on every shift of every day of the region. */
export async function rosterAllWeek(
  pool: DbPool,
  regionCode: string,
  primary: string,
  backup: string | null,
): Promise<void> {
  const rosters = new RostersRepository();
  for (const shift of ['day', 'night'])
    await rosters.setPattern(
      pool,
      { regionCode, shift, weekdays: ALL_WEEK, primary, backup },
      new Date(),
      'test',
    );
}
