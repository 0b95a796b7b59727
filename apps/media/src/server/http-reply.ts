import { type IncomingMessage, type ServerResponse } from 'node:http';

/** Error codes of the media gateway; each maps to exactly one HTTP status. */
export type MediaErrorCode =
  | 'TOKEN_MISSING'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_WRONG_CAMERA'
  | 'NOT_FOUND'
  | 'STREAM_OFFLINE'
  | 'HLS_NOT_READY'
  | 'SNAPSHOT_REF_INVALID'
  | 'SNAPSHOT_NOT_FOUND'
  | 'SNAPSHOT_NOT_JPEG'
  | 'SNAPSHOT_TOO_LARGE'
  | 'SIGN_INVALID';

export function statusOf(code: MediaErrorCode): number {
  switch (code) {
    case 'TOKEN_MISSING':
    case 'TOKEN_INVALID':
    case 'TOKEN_EXPIRED':
    case 'SIGN_INVALID':
      return 401;
    case 'SNAPSHOT_REF_INVALID':
      return 400;
    case 'TOKEN_WRONG_CAMERA':
      return 403;
    case 'NOT_FOUND':
    case 'STREAM_OFFLINE':
    case 'SNAPSHOT_NOT_FOUND':
      return 404;
    case 'SNAPSHOT_TOO_LARGE':
      return 413;
    case 'SNAPSHOT_NOT_JPEG':
      return 415;
    case 'HLS_NOT_READY':
      return 503;
  }
}

/**
 * Players run on the dashboard's origin and authenticate with the token in the URL (no cookies),
 * so any origin may read: the token is the access control.
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers': 'range, content-type',
  'access-control-max-age': '600',
};

export function sendError(res: ServerResponse, code: MediaErrorCode, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(statusOf(code), {
    ...CORS_HEADERS,
    'content-type': 'application/json',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify({ code, message }));
}

export function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://media.local');
}
