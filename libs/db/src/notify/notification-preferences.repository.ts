import { type Queryable } from '../transaction';

export type NotifyChannel = 'email' | 'sms' | 'wecom' | 'dingtalk' | 'feishu' | 'webhook';

export interface PreferenceRow {
  readonly user_id: string;
  readonly channel: NotifyChannel;
  readonly address: string;
  readonly quiet_from: string | null;
  readonly quiet_to: string | null;
}

/** The one owner of `notification_preferences`. */
export class NotificationPreferencesRepository {
  async of(db: Queryable, userIds: readonly string[]): Promise<PreferenceRow[]> {
    if (userIds.length === 0) return [];
    const res = await db.query<PreferenceRow>(
      'SELECT user_id, channel, address, quiet_from, quiet_to FROM notification_preferences WHERE user_id = ANY($1::uuid[])',
      [userIds],
    );
    return res.rows;
  }

  async set(db: Queryable, p: PreferenceRow, at: Date): Promise<void> {
    await db.query(
      `INSERT INTO notification_preferences (user_id, channel, address, quiet_from, quiet_to, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET channel = EXCLUDED.channel, address = EXCLUDED.address,
         quiet_from = EXCLUDED.quiet_from, quiet_to = EXCLUDED.quiet_to, updated_at = EXCLUDED.updated_at`,
      [p.user_id, p.channel, p.address, p.quiet_from, p.quiet_to, at],
    );
  }
}
