export { Gb28181Error, type Gb28181ErrorCode } from './gb28181-error';
export {
  SIP_LIMITS,
  headerOf,
  headerParam,
  parseSipMessage,
  sipUserOf,
  type SipHeaders,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from './sip/sip-message';
export { serializeRequest, serializeResponse, type OutgoingHeaders } from './sip/sip-serialize';
export { SipStreamFramer } from './sip/sip-stream-framer';
export { SipIntake, isUrgentSip, type SipIntakeOptions } from './sip/sip-intake';
export {
  digestChallenge,
  digestResponse,
  parseDigest,
  verifyDigest,
  type DigestCredentials,
} from './sip/digest';
export { NonceStore } from './sip/nonce-store';
export { declaredCharset, decodeManscdp, encodeManscdp } from './manscdp/manscdp-charset';
export { parseManscdp } from './manscdp/manscdp-parse';
export { buildQuery, type QueryCmd } from './manscdp/manscdp-build';
export { type CatalogItem, type ManscdpMessage } from './manscdp/manscdp-types';
export { gbIdKind, gbTypeCode, sipDomainOf, type GbIdKind } from './gb-id';
export {
  analyticsEventOf,
  deviceStatusEvent,
  registryEventOf,
  type ChannelContext,
  type ChannelOutcome,
  type TownshipRef,
} from './channel-events';
export { CatalogCollector, type CatalogPage } from './manscdp/catalog-collector';
export { buildPlayOffer, parseSdpAnswer, playSsrc, type PlayOffer, type SdpAnswer } from './sdp/play-sdp';
export { Rfc4571Framer, parseRtpPacket, type RtpPacket } from './rtp/rtp-packet';
export { RtpReorder, type ReorderCounts } from './rtp/rtp-reorder';
