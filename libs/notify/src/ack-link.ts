import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The acknowledgement link's token: `a1.<notificationId>.<userId>.<alertId>.<exp>.<mac>`,
 * mac = base64url(HMAC-SHA256(key, everything before it)), key derived from the notify secret for
 * this purpose only. Single use is the database's job (a used id is refused); this only proves
 * who it was sent to, for which alert, until when.
 */
export interface AckGrant {
  readonly notificationId: string;
  readonly userId: string;
  readonly alertId: string;
  /** Expiry, epoch seconds. */
  readonly expiresAt: number;
}

export type AckLinkRejection = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED';

const VERSION = 'a1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, body: string): string {
  const key = createHmac('sha256', secret).update('fengqiao/notify/ack-link/v1').digest();
  return createHmac('sha256', key).update(body).digest('base64url');
}

export function signAckLink(secret: string, grant: AckGrant): string {
  const body = [VERSION, grant.notificationId, grant.userId, grant.alertId, String(grant.expiresAt)].join(
    '.',
  );
  return `${body}.${mac(secret, body)}`;
}

export function verifyAckLink(
  secret: string,
  token: string,
  nowMs: number,
):
  | { readonly ok: true; readonly grant: AckGrant }
  | { readonly ok: false; readonly reason: AckLinkRejection } {
  const parts = token.split('.');
  const [version, notificationId, userId, alertId, exp, given] = parts;
  if (
    parts.length !== 6 ||
    version !== VERSION ||
    notificationId === undefined ||
    userId === undefined ||
    alertId === undefined ||
    given === undefined ||
    ![notificationId, userId, alertId].every((id) => UUID.test(id)) ||
    exp === undefined ||
    !/^\d{1,12}$/.test(exp)
  )
    return { ok: false, reason: 'MALFORMED' };
  const expected = Buffer.from(mac(secret, parts.slice(0, 5).join('.')));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    return { ok: false, reason: 'BAD_SIGNATURE' };
  const expiresAt = Number(exp);
  if (expiresAt * 1000 <= nowMs) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, grant: { notificationId, userId, alertId, expiresAt } };
}
