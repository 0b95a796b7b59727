import { join } from 'node:path';

export interface RemuxPlan {
  readonly inputUrl: string;
  readonly outDir: string;
  /** Segments kept in the playlist: a rolling window, old segments deleted from disk. */
  readonly listSize: number;
}

/**
 * ffmpeg arguments for one HLS remux: no transcoding (`-c copy`), 1 s segments (the camera's GOP
 * must be ≤ 1 s for that to hold), a rolling window. `-rw_timeout` (µs) makes ffmpeg give up on a
 * silent input instead of hanging forever after the camera vanished.
 */
export function remuxArgs(plan: RemuxPlan): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
    ...['-rw_timeout', '3000000', '-analyzeduration', '1000000', '-probesize', '1000000'],
    ...['-fflags', 'nobuffer', '-i', plan.inputUrl],
    ...['-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy'],
    ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', String(plan.listSize)],
    ...['-hls_delete_threshold', '2', '-hls_flags', 'delete_segments+independent_segments+omit_endlist'],
    ...['-hls_segment_filename', join(plan.outDir, 'seg_%d.ts')],
    join(plan.outDir, 'index.m3u8'),
  ];
}
