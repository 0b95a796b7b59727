/**
 * @fengqiao/media-tokens — the play token the API signs and the media gateway verifies: one home
 * for the format and its key derivation, so neither app imports the other; and node-media-server's
 * publish signature, which the media service checks and the GB/T 28181 receiver signs with.
 */
export {
  signPlayToken,
  verifyPlayToken,
  type PlayGrant,
  type PlayTokenRejection,
  type PlayTokenVerdict,
} from './play-token';
export { streamSign, streamSignSecret } from './stream-sign';
