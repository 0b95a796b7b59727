import { apiErrorBodySchema, type ApiErrorCode } from '@fengqiao/contracts';
import { refreshSession, validAccessToken } from '../auth/session';

/** Anything with a zod-style `parse`: every answer is validated against its contract schema. */
export interface Parser<T> {
  parse(value: unknown): T;
}

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

async function send(path: string, init: RequestInit, retried = false): Promise<Response> {
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

function parsed<T>(body: unknown, schema: Parser<T>): T {
  try {
    return schema.parse(body);
  } catch {
    throw new ApiRequestError(200, 'BAD_RESPONSE', 'answer does not match its contract');
  }
}

export async function apiGet<T>(path: string, schema: Parser<T>, signal?: AbortSignal): Promise<T> {
  const res = await send(path, signal === undefined ? {} : { signal });
  return parsed(await res.json(), schema);
}

export async function apiPost<T>(path: string, body: unknown, schema: Parser<T>): Promise<T> {
  const res = await send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return parsed(await res.json(), schema);
}

/** A non-JSON answer (CSV export) as a Blob. */
export async function apiGetBlob(path: string): Promise<Blob> {
  return (await send(path, {})).blob();
}

/** `?a=1&b=2` from the defined entries only. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s.length === 0 ? '' : `?${s}`;
}
