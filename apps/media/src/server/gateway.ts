import { createReadStream, readFileSync, statSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect } from 'node:net';
import { type Duplex } from 'node:stream';
import { type PlayTokenRejection, verifyPlayToken } from '@fengqiao/media-tokens';
import { type HlsPackager } from '../hls/hls-packager';
import { SnapshotRoutes } from '../snapshots/snapshot-routes';
import { type SnapshotStore } from '../snapshots/snapshot-store';
import { CORS_HEADERS, type MediaErrorCode, requestUrl, sendError, sendJson, statusOf } from './http-reply';

export interface GatewayDeps {
  readonly mediaSecret: string;
  readonly packager: HlsPackager;
  readonly snapshots: SnapshotStore;
  readonly isLive: (cameraId: string) => boolean;
  /** Loopback FLV URL (path + query) of a live stream on node-media-server. */
  readonly internalFlvPath: (cameraId: string) => string;
  readonly internalHttpPort: number;
  readonly health: () => unknown;
  readonly log: (line: string) => void;
}

const HLS_PLAYLIST = /^\/hls\/(\d{20})\/index\.m3u8$/;
const HLS_SEGMENT = /^\/hls\/(\d{20})\/(seg_\d{1,9}\.ts)$/;
const FLV = /^\/flv\/(\d{20})\.flv$/;

const REJECTION_CODE: Record<PlayTokenRejection, MediaErrorCode> = {
  MALFORMED: 'TOKEN_INVALID',
  BAD_SIGNATURE: 'TOKEN_INVALID',
  EXPIRED: 'TOKEN_EXPIRED',
  WRONG_CAMERA: 'TOKEN_WRONG_CAMERA',
};

/** The public HTTP face of the media service: every stream read is checked against a play token. */
export class Gateway {
  readonly server: Server;
  private readonly snapshots: SnapshotRoutes;

  constructor(private readonly deps: GatewayDeps) {
    this.snapshots = new SnapshotRoutes(deps.mediaSecret, deps.snapshots, (id, url) => this.refusal(id, url));
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        deps.log(`gateway: ${req.method} failed: ${(err as Error).message}`);
        if (!res.headersSent) res.writeHead(500, CORS_HEADERS);
        res.end();
      });
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.upgrade(req, socket, head),
    );
  }

  /** Null when the token is fine; otherwise the refusal to send. */
  private refusal(cameraId: string, url: URL): MediaErrorCode | null {
    const token = url.searchParams.get('token');
    if (token === null || token === '') return 'TOKEN_MISSING';
    const verdict = verifyPlayToken(this.deps.mediaSecret, token, cameraId, Date.now() / 1000);
    return verdict.ok ? null : REJECTION_CODE[verdict.reason];
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (req.method === 'OPTIONS') return void res.writeHead(204, CORS_HEADERS).end();
    if ((req.url ?? '').startsWith('/snapshots/')) return this.snapshots.handle(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'NOT_FOUND', 'no such route');
    if (url.pathname === '/health') return sendJson(res, this.deps.health());
    const match = HLS_PLAYLIST.exec(url.pathname) ?? HLS_SEGMENT.exec(url.pathname) ?? FLV.exec(url.pathname);
    const cameraId = match?.[1];
    if (match === null || cameraId === undefined) return sendError(res, 'NOT_FOUND', 'no such route');
    const refused = this.refusal(cameraId, url);
    if (refused !== null) return sendError(res, refused, 'a valid play token for this camera is required');
    if (!this.deps.isLive(cameraId)) return sendError(res, 'STREAM_OFFLINE', 'the camera is not streaming');
    if (url.pathname.endsWith('.m3u8'))
      return this.playlist(res, cameraId, url.searchParams.get('token') ?? '');
    if (url.pathname.endsWith('.ts')) return this.segment(res, cameraId, match[2] ?? '');
    return this.flv(req, res, cameraId);
  }

  private async playlist(res: ServerResponse, cameraId: string, token: string): Promise<void> {
    if (!(await this.deps.packager.watch(cameraId)))
      return sendError(res, 'HLS_NOT_READY', 'the HLS packager is starting; retry shortly');
    const text = readFileSync(this.deps.packager.playlistPath(cameraId), 'utf8');
    // Segment requests carry the same token: a player never needs to know about it.
    const q = `?token=${encodeURIComponent(token)}`;
    const body = text
      .split('\n')
      .map((l) => (l === '' || l.startsWith('#') ? l : `${l}${q}`))
      .join('\n');
    res.writeHead(200, {
      ...CORS_HEADERS,
      'content-type': 'application/vnd.apple.mpegurl',
      'cache-control': 'no-cache',
    });
    res.end(body);
  }

  private segment(res: ServerResponse, cameraId: string, name: string): void {
    this.deps.packager.touch(cameraId);
    const path = this.deps.packager.segmentPath(cameraId, name);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      return sendError(res, 'NOT_FOUND', 'segment left the window');
    }
    res.writeHead(200, {
      ...CORS_HEADERS,
      'content-type': 'video/mp2t',
      'content-length': String(size),
      'cache-control': 'max-age=10',
    });
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  private flv(req: IncomingMessage, res: ServerResponse, cameraId: string): void {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: this.deps.internalHttpPort, path: this.deps.internalFlvPath(cameraId) },
      (up) => {
        res.writeHead(up.statusCode ?? 502, {
          ...CORS_HEADERS,
          'content-type': 'video/x-flv',
          'cache-control': 'no-store',
        });
        up.pipe(res);
      },
    );
    upstream.on('error', () => sendError(res, 'STREAM_OFFLINE', 'the stream ended'));
    req.on('close', () => upstream.destroy());
    upstream.end();
  }

  /** WS-FLV: the handshake is checked here, then the socket is spliced to node-media-server's. */
  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = requestUrl(req);
    const cameraId = FLV.exec(url.pathname)?.[1];
    const refused = cameraId === undefined ? 'NOT_FOUND' : this.refusal(cameraId, url);
    if (cameraId === undefined || refused !== null) {
      socket.end(`HTTP/1.1 ${statusOf(refused ?? 'NOT_FOUND')} Refused\r\nconnection: close\r\n\r\n`);
      return;
    }
    const upstream = connect(this.deps.internalHttpPort, '127.0.0.1', () => {
      const headers = Object.entries(req.headers)
        .filter(([k]) => k !== 'host')
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : (v ?? '')}`);
      upstream.write(
        [`GET ${this.deps.internalFlvPath(cameraId)} HTTP/1.1`, 'host: 127.0.0.1', ...headers, '', ''].join(
          '\r\n',
        ),
      );
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    const close = (): void => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', close);
    socket.on('error', close);
    socket.on('close', close);
  }
}
