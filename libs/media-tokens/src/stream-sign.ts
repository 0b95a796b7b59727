import { createHash, createHmac } from 'node:crypto';

/**
 * node-media-server's own signed-URL scheme (`sign=<exp>-md5("/app/stream-<exp>-<secret>")`), used
 * for camera publishing and for the service's loopback reads. Its secret is derived from the media
 * secret so that it differs from the play-token key; players never see it.
 */
export function streamSignSecret(mediaSecret: string): string {
  return createHmac('sha256', mediaSecret).update('fengqiao/media/stream-sign/v1').digest('hex');
}

/** The `sign` query value for `/app/stream`, valid until `expiresAtSec`. */
export function streamSign(mediaSecret: string, streamPath: string, expiresAtSec: number): string {
  const exp = Math.floor(expiresAtSec);
  const hash = createHash('md5')
    .update(`${streamPath}-${exp}-${streamSignSecret(mediaSecret)}`)
    .digest('hex');
  return `${exp}-${hash}`;
}
