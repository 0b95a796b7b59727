/** The argument that marks a receiver's ffmpeg as this access service's (reaped after a crash). */
export function receiverMarker(sipPort: number): string {
  return `fq-gb-rtp:${sipPort}`;
}

/**
 * ffmpeg reading the reassembled MPEG-PS of a played channel on stdin and pushing its video, copied
 * as it is, as FLV into the media service's RTMP ingest: the channel becomes a published stream like
 * any relay (HLS on demand, status, play tokens). A device's PS announces its codec in the PSM of
 * the first key frame, so a small probe is enough.
 */
export function psPublishArgs(publishUrl: string, marker: string): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
    ...['-analyzeduration', '1000000', '-probesize', '1000000'],
    ...['-f', 'mpeg', '-i', 'pipe:0'],
    ...['-map', '0:v:0', '-c:v', 'copy', '-an'],
    ...['-metadata', `comment=${marker}`],
    ...['-f', 'flv', publishUrl],
  ];
}
