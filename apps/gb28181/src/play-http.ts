import { type IncomingMessage, type ServerResponse } from 'node:http';
import { PlayError, type PlayErrorCode, type PlaySession } from './play-session';
import { type PlaySessions } from './play-sessions';

const STATUS: Readonly<Record<PlayErrorCode, number>> = {
  NOT_REGISTERED: 404,
  NO_MEDIA_PORT: 503,
  DEVICE_REFUSED: 502,
  BAD_ANSWER: 502,
  INVITE_TIMEOUT: 504,
  CANCELLED: 409,
  MEDIA_FAILED: 502,
};

const view = (s: PlaySession) => ({
  callId: s.callId,
  channelId: s.channelId,
  deviceId: s.deviceId,
  state: s.state,
  ssrc: s.ssrc,
  media: { port: s.mediaPort, rtpPackets: s.receiver.packets },
  device:
    s.answer === undefined
      ? undefined
      : { ip: s.answer.ip, port: s.answer.port, transport: s.answer.transport, ssrc: s.answer.ssrc },
});

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/**
 * The play hook on the access service's HTTP port (internal, like /metrics): `POST /play/<channelId>`
 * invites the channel's device and answers once it plays (or with a coded error), `DELETE
 * /play/<callId>` hangs up, `GET /play` lists the sessions. True when the request was a play route.
 */
export function handlePlayRoute(req: IncomingMessage, res: ServerResponse, play: PlaySessions): boolean {
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (path === '/play' && req.method === 'GET') {
    json(res, 200, { sessions: play.list().map(view) });
    return true;
  }
  const m = /^\/play\/([0-9a-f]{1,64})$/.exec(path);
  if (m === null) return false;
  const id = m[1] ?? '';
  if (req.method === 'POST' && /^\d{20}$/.test(id)) {
    play.invite(id).then(
      (s) => json(res, 200, view(s)),
      (err: unknown) =>
        err instanceof PlayError
          ? json(res, STATUS[err.code], { error: { code: err.code, reason: err.message } })
          : json(res, 500, { error: { code: 'INTERNAL', reason: 'play failed' } }),
    );
    return true;
  }
  if (req.method === 'DELETE') {
    play.hangUp(id).then(
      (ended) =>
        ended === undefined
          ? json(res, 404, { error: { code: 'NO_SESSION', reason: `no play session ${id}` } })
          : json(res, 200, view(ended)),
      () => json(res, 500, { error: { code: 'INTERNAL', reason: 'hang-up failed' } }),
    );
    return true;
  }
  json(res, 400, {
    error: { code: 'BAD_REQUEST', reason: 'POST /play/<20-digit channel id> or DELETE /play/<callId>' },
  });
  return true;
}
