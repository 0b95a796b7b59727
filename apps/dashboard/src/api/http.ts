import { apiErrorBodySchema, type ApiErrorCode } from '@fengqiao/contracts';
import { refreshSession, validAccessToken } from '../auth/session';

export type ClientErrorCode = ApiErrorCode | 'NETWORK' | 'BAD_RESPONSE' | 'SIGNED_OUT';

/** A failed API call with the server's error code (e.g. ALERT_VERSION_CONFLICT for a 409). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A signed request: the session's token, refreshed and retried once on a 401; errors with codes. */
export async function send(path: string, init: RequestInit, retried = false): Promise<Response> {
  const token = await validAccessToken();
  if (token === null) throw new ApiRequestError(401, 'SIGNED_OUT', 'not signed in');
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(0, 'NETWORK', err instanceof Error ? err.message : 'network error');
  }
  if (res.status === 401 && !retried && (await refreshSession()) !== null) return send(path, init, true);
  if (!res.ok) throw await toError(res);
  return res;
}

async function toError(res: Response): Promise<ApiRequestError> {
  const body = apiErrorBodySchema.safeParse(await res.json().catch(() => null));
  return body.success
    ? new ApiRequestError(res.status, body.data.code, body.data.message)
    : new ApiRequestError(res.status, 'BAD_RESPONSE', `HTTP ${res.status}`);
}
