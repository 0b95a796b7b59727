export {
  signPlayToken,
  verifyPlayToken,
  type PlayGrant,
  type PlayTokenRejection,
  type PlayTokenVerdict,
} from '@fengqiao/media-tokens';
export { streamSign } from './auth/stream-sign';
export { MEDIA_APP } from './media-ports';
export { reapOrphans } from './hls/process-group';
