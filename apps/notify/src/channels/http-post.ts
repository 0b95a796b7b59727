import { type OutboundRequest } from '@fengqiao/notify';

const TIMEOUT_MS = 10_000;

/** Sends one built request; a network error or timeout is reported as status 0 (retried). */
export async function post(req: OutboundRequest): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: res.status, body: await res.text() };
  } catch (err) {
    return { status: 0, body: err instanceof Error ? err.message : String(err) };
  }
}
