import { type OutboundRequest } from '@fengqiao/notify';

/**
 * Sends one built request, abandoned after `timeoutMs` (config.tuning.notify.sendTimeoutMs); a
 * network error or timeout is reported as status 0 (retried).
 */
export async function post(
  req: OutboundRequest,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, body: await res.text() };
  } catch (err) {
    return { status: 0, body: err instanceof Error ? err.message : String(err) };
  }
}
