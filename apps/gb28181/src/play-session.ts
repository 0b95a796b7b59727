import { type FengqiaoConfig } from '@fengqiao/config';
import { type SdpAnswer } from '@fengqiao/gb28181';
import { type RtpPsReceiver } from './media/rtp-ps-receiver';
import { type Peer } from './sip-transport';

export type PlayErrorCode =
  | 'NOT_REGISTERED'
  | 'NO_MEDIA_PORT'
  | 'DEVICE_REFUSED'
  | 'INVITE_TIMEOUT'
  | 'BAD_ANSWER'
  | 'CANCELLED'
  | 'MEDIA_FAILED';

export class PlayError extends Error {
  constructor(
    readonly code: PlayErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'PlayError';
  }
}

export interface PlaySettings {
  readonly serverId: string;
  readonly domain: string;
  /** Our SIP address for Via/Contact. */
  readonly host: string;
  readonly sipPort: number;
  readonly mediaIp: string;
  readonly rtpPorts: { readonly min: number; readonly max: number };
  readonly transport: 'udp' | 'tcp-passive';
  readonly inviteTimeoutMs: number;
  readonly rtpTimeoutMs: number;
}

/** The play settings of the access service's config; the media address defaults to the host's. */
export function playSettingsOf(config: FengqiaoConfig, host = config.host): PlaySettings {
  const gb = config.gb28181;
  return {
    serverId: gb.serverId,
    domain: gb.domain,
    host,
    sipPort: gb.sipPort,
    mediaIp: gb.play.mediaIp ?? host,
    rtpPorts: gb.play.rtpPorts,
    transport: gb.play.transport,
    inviteTimeoutMs: gb.play.inviteTimeoutMs,
    rtpTimeoutMs: gb.play.rtpTimeoutMs,
  };
}

/** One live-play dialog: an INVITE we sent for a channel, until BYE. */
export interface PlaySession {
  readonly callId: string;
  readonly channelId: string;
  readonly deviceId: string;
  readonly ssrc: string;
  readonly mediaPort: number;
  readonly receiver: RtpPsReceiver;
  state: 'inviting' | 'proceeding' | 'playing' | 'ended';
  readonly startedMs: number;
  playingSinceMs?: number;
  answer?: SdpAnswer;
  /** The To header of the 200 (with the device's tag): the dialog's remote side for ACK and BYE. */
  to?: string;
  contact?: string;
  cseq: number;
  readonly from: string;
  readonly peer: Peer;
  /** The INVITE's Via branch: its CANCEL and the ACK of an error answer reuse it. */
  readonly inviteBranch: string;
  settle?: (error?: PlayError) => void;
}
