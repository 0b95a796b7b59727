import { streamSign } from '@fengqiao/media-tokens';
import { type GbMetrics } from '../gb-metrics';
import { psPublishArgs, receiverMarker } from './ps-publish-args';
import { RtpPsReceiver } from './rtp-ps-receiver';

export interface MediaSettings {
  readonly mediaIp: string;
  readonly rtpPorts: { readonly min: number; readonly max: number };
  readonly transport: 'udp' | 'tcp-passive';
  /** The media service's RTMP ingest (FQ_MEDIA_RTMP_PORT on this host) and its secret. */
  readonly rtmpHost: string;
  readonly rtmpPort: number;
  readonly mediaSecret: string;
  readonly sipPort: number;
}

/** node-media-server's application name (apps/media MEDIA_APP): the stream key is the channel id. */
const MEDIA_APP = 'live';

/**
 * The RTP port range (even ports, RTCP on the odd one above, RFC 3550 §11) and the receivers on them.
 * A port something else holds on the host is skipped, not offered to a device.
 */
export class MediaReceivers {
  private readonly used = new Map<number, RtpPsReceiver>();

  constructor(
    private readonly s: MediaSettings,
    private readonly metrics: GbMetrics,
  ) {}

  /** A receiver bound and its ffmpeg started; undefined when every port of the range is taken. */
  async open(channelId: string, ssrc: string): Promise<RtpPsReceiver | undefined> {
    const { min, max } = this.s.rtpPorts;
    for (let port = min + (min % 2); port <= max; port += 2) {
      if (this.used.has(port)) continue;
      const receiver = new RtpPsReceiver(
        {
          channelId,
          ssrc,
          ip: this.s.mediaIp,
          port,
          transport: this.s.transport,
          ffmpegArgs: psPublishArgs(this.publishUrl(channelId), receiverMarker(this.s.sipPort)),
        },
        this.metrics,
      );
      this.used.set(port, receiver);
      try {
        await receiver.open();
        return receiver;
      } catch {
        this.used.delete(port);
        this.metrics.inc('rtp_port_busy');
      }
    }
    return undefined;
  }

  /** Frees the port once the socket is closed and ffmpeg gone. */
  async close(receiver: RtpPsReceiver): Promise<void> {
    await receiver.close();
    if (this.used.get(receiver.spec.port) === receiver) this.used.delete(receiver.spec.port);
  }

  get size(): number {
    return this.used.size;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.used.values()].map((r) => this.close(r)));
  }

  private publishUrl(channelId: string): string {
    const path = `/${MEDIA_APP}/${channelId}`;
    const sign = streamSign(this.s.mediaSecret, path, Date.now() / 1000 + 24 * 3600);
    return `rtmp://${this.s.rtmpHost}:${this.s.rtmpPort}${path}?sign=${sign}`;
  }
}
