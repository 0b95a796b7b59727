import { createHmac, timingSafeEqual } from 'node:crypto';
import { JSON_HEADERS, type OutboundRequest } from './http-request';

/** Receivers reject timestamps further than this from their clock (standardwebhooks.com). */
export const WEBHOOK_TOLERANCE_SEC = 5 * 60;

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

/** `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`, key the base64-decoded secret. */
export function signStandardWebhook(secret: string, id: string, timestampSec: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSec}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/**
 * A Standard Webhooks POST: `webhook-id` stays the same on every retry (receivers dedupe on it),
 * the timestamp and signature are made anew for each attempt.
 */
export function buildStandardWebhookRequest(
  url: string,
  secret: string,
  id: string,
  payload: object,
  nowMs: number,
): OutboundRequest {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(nowMs / 1000);
  return {
    url,
    headers: {
      ...JSON_HEADERS,
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signStandardWebhook(secret, id, timestamp, body),
    },
    body,
  };
}

export type WebhookRejection = 'MISSING_HEADERS' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE';

/** Verifies on the raw body, before any JSON parsing; several signatures may be space-separated. */
export function verifyStandardWebhook(
  secret: string,
  headers: Readonly<Record<string, string | undefined>>,
  rawBody: string,
  nowMs: number,
): { readonly ok: true } | { readonly ok: false; readonly reason: WebhookRejection } {
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  const sigs = headers['webhook-signature'];
  if (id === undefined || ts === undefined || sigs === undefined || !/^\d{1,12}$/.test(ts))
    return { ok: false, reason: 'MISSING_HEADERS' };
  if (Math.abs(nowMs / 1000 - Number(ts)) > WEBHOOK_TOLERANCE_SEC)
    return { ok: false, reason: 'STALE_TIMESTAMP' };
  const expected = Buffer.from(signStandardWebhook(secret, id, Number(ts), rawBody));
  const match = sigs.split(' ').some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE' };
}
