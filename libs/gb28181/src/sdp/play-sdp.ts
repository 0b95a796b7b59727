import { Gb28181Error } from '../gb28181-error';

/** Where the media server receives the camera's RTP/PS stream, and how. */
export interface PlayOffer {
  /** Our SIP server id (the SDP origin). */
  readonly serverId: string;
  readonly mediaIp: string;
  readonly mediaPort: number;
  /** 10 digits: see playSsrc. */
  readonly ssrc: string;
  /** UDP, or TCP with the device connecting to our port (setup:passive), RFC 4571 framing. */
  readonly transport: 'udp' | 'tcp-passive';
}

/** What the device's 200 OK says it sends from. */
export interface SdpAnswer {
  readonly ip: string;
  readonly port: number;
  readonly transport: 'udp' | 'tcp';
  readonly ssrc: string | undefined;
  readonly sendonly: boolean;
  /** rtpmap encodings by payload type, e.g. 96 → PS/90000. */
  readonly rtpmap: ReadonlyMap<number, string>;
}

/**
 * The SSRC of a live stream by GB/T 28181 (附录 F): 10 digits, the first 0 for live (1 for history),
 * then digits 4-8 of the SIP domain, then 4 digits unique per stream on this server.
 */
export function playSsrc(domain: string, serial: number): string {
  if (!/^\d{10}$/.test(domain)) throw new Gb28181Error('SDP_INVALID', `domain ${domain} is not 10 digits`);
  return `0${domain.slice(3, 8)}${String(serial % 10_000).padStart(4, '0')}`;
}

/** The SDP offer of a live-play INVITE (s=Play, recvonly, PS/90000 first; y= is the SSRC). */
export function buildPlayOffer(o: PlayOffer): string {
  const tcp = o.transport === 'tcp-passive';
  return [
    'v=0',
    `o=${o.serverId} 0 0 IN IP4 ${o.mediaIp}`,
    's=Play',
    `c=IN IP4 ${o.mediaIp}`,
    't=0 0',
    `m=video ${o.mediaPort} ${tcp ? 'TCP/RTP/AVP' : 'RTP/AVP'} 96 98 97`,
    'a=recvonly',
    'a=rtpmap:96 PS/90000',
    'a=rtpmap:98 H264/90000',
    'a=rtpmap:97 MPEG4/90000',
    ...(tcp ? ['a=setup:passive', 'a=connection:new'] : []),
    `y=${o.ssrc}`,
    '',
  ].join('\r\n');
}

/** Reads a device's SDP answer; an answer without a video line, address or port is refused. */
export function parseSdpAnswer(text: string): SdpAnswer {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const value = (prefix: string): string | undefined =>
    lines.find((l) => l.startsWith(prefix))?.slice(prefix.length);
  const media = /^video (\d{1,5}) (TCP\/RTP\/AVP|RTP\/AVP)\b/i.exec(value('m=') ?? '');
  const ip = /^IN IP4 (\S+)/.exec(value('c=') ?? '')?.[1];
  if (media === null || ip === undefined)
    throw new Gb28181Error('SDP_INVALID', 'the answer has no m=video line or no c= address');
  const rtpmap = new Map<number, string>();
  for (const l of lines) {
    const m = /^a=rtpmap:(\d+) (\S+)/.exec(l);
    if (m !== null) rtpmap.set(Number(m[1]), m[2] ?? '');
  }
  const ssrc = value('y=');
  return {
    ip,
    port: Number(media[1]),
    transport: (media[2] ?? '').toUpperCase().startsWith('TCP') ? 'tcp' : 'udp',
    ssrc: ssrc !== undefined && /^\d{10}$/.test(ssrc) ? ssrc : undefined,
    sendonly: lines.includes('a=sendonly'),
    rtpmap,
  };
}
