import { createReadStream } from 'node:fs';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { parseSnapshotRef } from '@fengqiao/contracts';
import { streamSign } from '@fengqiao/media-tokens';
import { CORS_HEADERS, type MediaErrorCode, sendError } from '../server/http-reply';
import { type SnapshotStore, type StoredSnapshot } from './snapshot-store';

/** The largest snapshot accepted: a 1080p JPEG is ~300 KiB; 2 MiB leaves room for 4K. */
const MAX_BYTES = 2 * 1024 * 1024;
const LATEST = /^\/snapshots\/([1-8]\d{19})\/latest$/;

/** Null when the play token grants this camera; otherwise the refusal (the gateway's own check). */
export type PlayRefusal = (cameraId: string, url: URL) => MediaErrorCode | null;

/**
 * `GET /snapshots/<cameraId>/<name>.jpg?token=` — one stored snapshot, for a play token of its camera;
 * `GET /snapshots/<cameraId>/latest?token=` — the camera's newest; `PUT /snapshots/<ref>?sign=` —
 * a producer stores one, signed like a publish (decision 0020). The raw request path is parsed, never
 * a normalised URL, so `..` or escapes are refused rather than resolved.
 */
export class SnapshotRoutes {
  constructor(
    private readonly mediaSecret: string,
    private readonly store: SnapshotStore,
    private readonly refusal: PlayRefusal,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const rawPath = (req.url ?? '').split('?')[0] ?? '';
    const latest = LATEST.exec(rawPath)?.[1];
    if (latest !== undefined && (req.method === 'GET' || req.method === 'HEAD'))
      return this.send(req, res, latest, url, () => this.store.latest(latest));
    const parsed = parseSnapshotRef(rawPath.slice(1));
    if (!parsed.ok)
      return sendError(res, 'SNAPSHOT_REF_INVALID', `not a snapshot reference (${parsed.problem})`);
    const { key } = parsed;
    if (req.method === 'PUT') return this.put(req, res, rawPath, url, key);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'NOT_FOUND', 'no such route');
    return this.send(req, res, key.cameraId, url, () => this.store.get(key));
  }

  private send(
    req: IncomingMessage,
    res: ServerResponse,
    cameraId: string,
    url: URL,
    find: () => StoredSnapshot | undefined,
  ): void {
    const refused = this.refusal(cameraId, url);
    if (refused !== null) return sendError(res, refused, 'a valid play token for this camera is required');
    const found = find();
    if (found === undefined)
      return sendError(res, 'SNAPSHOT_NOT_FOUND', 'no such snapshot (never stored, or pruned)');
    res.writeHead(200, {
      ...CORS_HEADERS,
      'content-type': 'image/jpeg',
      'content-length': String(found.size),
      // A reference names one picture for good; "latest" changes with every upload.
      'cache-control': url.pathname.endsWith('/latest') ? 'no-store' : 'private, max-age=86400',
      'x-snapshot-name': found.name,
      'access-control-expose-headers': 'x-snapshot-name',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  private async put(
    req: IncomingMessage,
    res: ServerResponse,
    rawPath: string,
    url: URL,
    key: { cameraId: string; name: string },
  ): Promise<void> {
    if (!this.signed(rawPath, url.searchParams.get('sign')))
      return sendError(res, 'SIGN_INVALID', 'a valid upload signature for this path is required');
    const body = await readBody(req, MAX_BYTES);
    if (body === 'too-large')
      return sendError(res, 'SNAPSHOT_TOO_LARGE', `a snapshot is at most ${MAX_BYTES} bytes`);
    if (body.length < 4 || body[0] !== 0xff || body[1] !== 0xd8 || body[2] !== 0xff)
      return sendError(res, 'SNAPSHOT_NOT_JPEG', 'a snapshot is a JPEG (FF D8 FF …)');
    this.store.put(key, body);
    res.writeHead(201, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ref: rawPath.slice(1), bytes: body.length }));
  }

  /** node-media-server's publish scheme over the snapshot's path: `<exp>-md5(path-exp-secret)`. */
  private signed(path: string, sign: string | null): boolean {
    const exp = Number((sign ?? '').split('-')[0]);
    if (sign === null || !Number.isInteger(exp) || exp <= Date.now() / 1000) return false;
    const expected = Buffer.from(streamSign(this.mediaSecret, path, exp));
    const given = Buffer.from(sign);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
