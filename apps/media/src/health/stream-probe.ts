import { spawn } from 'node:child_process';
import { parseDetections, parsePackets, type StreamSample } from '@fengqiao/stream-health';

export interface ProbeOptions {
  /** Seconds of stream to sample. */
  readonly sampleS: number;
  /** Seconds of silence before ffmpeg gives up on a stream (connect or read). */
  readonly ioTimeoutS: number;
  readonly ffmpeg: string;
}

/**
 * ffmpeg arguments of one sample: decode the video through freezedetect and blackdetect (to a null
 * output) and, from the same input, copy its packets to framecrc on stdout (count, sizes, times).
 */
export function probeArgs(url: string, o: ProbeOptions): string[] {
  const seconds = String(o.sampleS);
  const io = String(o.ioTimeoutS * 1_000_000);
  const input = url.startsWith('rtsp') ? ['-rtsp_transport', 'tcp', '-timeout', io] : ['-rw_timeout', io];
  return [
    ...['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info'],
    ...input,
    ...['-analyzeduration', '1000000', '-probesize', '1000000', '-i', url],
    ...['-t', seconds, '-map', '0:v:0', '-vf', 'freezedetect=n=0.003:d=1,blackdetect=d=1:pix_th=0.10'],
    ...['-f', 'null', '-'],
    ...['-t', seconds, '-map', '0:v:0', '-c', 'copy', '-f', 'framecrc', 'pipe:1'],
  ];
}

/** Samples one stream; never rejects: an unreadable stream is a sample that says so. */
export function probeStream(url: string, o: ProbeOptions): Promise<StreamSample> {
  return new Promise((resolve) => {
    const child = spawn(o.ffmpeg, probeArgs(url, o), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 1_000_000) err += d.toString('utf8');
    });
    // A live stream delivers `sampleS` in about that long; past sample + timeout it is not delivering.
    const deadline = setTimeout(() => child.kill('SIGKILL'), (o.sampleS + o.ioTimeoutS + 2) * 1000);
    const done = (reachable: boolean): void => {
      clearTimeout(deadline);
      const packets = parsePackets(out);
      resolve({
        reachable: reachable || packets.packets > 0,
        sampleS: o.sampleS,
        packets,
        detections: parseDetections(err),
      });
    };
    child.once('error', () => done(false));
    child.once('close', (code) => done(code === 0));
  });
}
