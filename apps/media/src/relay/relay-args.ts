import { type Relay } from './relay-config';

/** Seconds of silence from a source before ffmpeg gives up and the fleet reconnects. */
const IO_TIMEOUT_US = 10_000_000;

/** The argument that marks a relay ffmpeg as belonging to the media service on `rtmpPort`. */
export function relayMarker(rtmpPort: number): string {
  return `fq-relay:${rtmpPort}`;
}

/**
 * ffmpeg arguments: pull the source, copy the video as it is (no transcoding: a 2-core host carries
 * many relays), push FLV into our own RTMP ingest, which turns it into a camera like any other.
 */
export function relayArgs(relay: Relay, publishUrl: string, rtmpPort: number): string[] {
  const protocol = new URL(relay.source).protocol;
  const input =
    protocol === 'rtsp:' || protocol === 'rtsps:'
      ? ['-rtsp_transport', relay.transport, '-timeout', String(IO_TIMEOUT_US)]
      : ['-rw_timeout', String(IO_TIMEOUT_US)];
  const audio = relay.audio ? ['-map', '0:a:0?', '-c:a', 'aac', '-b:a', '64k'] : ['-an'];
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
    ...input,
    // A camera's codec is known within a second; the default probe (5 MB) waits ~40 s on an FLV
    // source whose metadata announces a data stream that never sends a packet.
    ...['-analyzeduration', '1000000', '-probesize', '1000000'],
    ...['-i', relay.source],
    ...['-map', '0:v:0', '-c:v', 'copy', ...audio],
    ...['-metadata', `comment=${relayMarker(rtmpPort)}`],
    ...['-f', 'flv', publishUrl],
  ];
}
