/** What a vendor answered: the robots answer HTTP 200 with a non-zero code in the body on failure. */
export type DeliveryVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly retry: boolean };

/** Vendor codes that mean "later" (rate limits), not "never" (bad signature, keyword miss). */
const RETRYABLE_CODES = new Set(['45009', '90030', '11232', '130101']);

/**
 * Reads a WeCom / DingTalk (`errcode`/`errmsg`) or Feishu (`code`/`msg`) reply. A non-2xx status
 * is retried when it is 408, 429 or 5xx; a 2xx body with a non-zero code is a failure.
 */
export function robotVerdict(status: number, body: string): DeliveryVerdict {
  if (status < 200 || status >= 300) return httpFailure(status, body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, code: 'BAD_REPLY', message: `not JSON: ${body.slice(0, 80)}`, retry: true };
  }
  const reply = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const code = scalar(reply.errcode ?? reply.code ?? reply.StatusCode);
  if (code === '0') return { ok: true };
  const message = scalar(reply.errmsg ?? reply.msg ?? reply.StatusMessage) ?? 'no code in reply';
  const text = code ?? 'BAD_REPLY';
  return { ok: false, code: text, message, retry: RETRYABLE_CODES.has(text) };
}

/** Any HTTP endpoint (generic webhook, SMS gateway): 2xx delivered, 408/429/5xx retried. */
export function httpVerdict(status: number, body: string): DeliveryVerdict {
  return status >= 200 && status < 300 ? { ok: true } : httpFailure(status, body);
}

function scalar(v: unknown): string | undefined {
  return typeof v === 'number' || typeof v === 'string' ? String(v) : undefined;
}

function httpFailure(status: number, body: string): DeliveryVerdict {
  return {
    ok: false,
    code: `HTTP_${status}`,
    message: body.slice(0, 200),
    retry: status === 408 || status === 429 || status >= 500,
  };
}
