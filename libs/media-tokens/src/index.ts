/**
 * @fengqiao/media-tokens — the play token the API signs and the media gateway verifies: one home
 * for the format and its key derivation, so neither app imports the other.
 */
export {
  signPlayToken,
  verifyPlayToken,
  type PlayGrant,
  type PlayTokenRejection,
  type PlayTokenVerdict,
} from './play-token';
