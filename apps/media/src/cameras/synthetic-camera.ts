/** A synthetic camera: an ffmpeg test pattern pushed over RTMP, like a real camera or NVR relay. */
export interface SyntheticCamera {
  readonly cameraId: string;
  readonly publishUrl: string;
  readonly size: '320x180' | '640x360';
  /** Also burn a machine-readable wall clock (see TIMECODE) for the latency benchmark. */
  readonly timecode?: boolean;
}

/**
 * The burned-in machine-readable clock: TIMECODE.bits squares in a row at the top left, square i
 * white when bit i of floor(wallclock_ms / 10) is set. A browser reads them back from a canvas and
 * compares with its own clock: glass-to-glass latency without OCR (same machine, same clock).
 */
export const TIMECODE = { bits: 24, cell: 16, unitMs: 10, top: 4, left: 4 } as const;

function timecodeFilters(): string[] {
  const { bits, cell, unitMs, top, left } = TIMECODE;
  const boxes = [`drawbox=x=${left - 2}:y=${top - 2}:w=${bits * cell + 4}:h=${cell + 4}:color=black:t=fill`];
  for (let i = 0; i < bits; i++) {
    const on = `mod(floor(t*${1000 / unitMs}/${2 ** i})\\,2)`;
    boxes.push(
      `drawbox=x=${left + i * cell + 2}:y=${top + 2}:w=${cell - 4}:h=${cell - 4}:color=white:t=fill:enable='${on}'`,
    );
  }
  return boxes;
}

/** ffmpeg arguments: testsrc2, camera id and clock burned in, H.264 with a 1 s GOP (1 s HLS segments). */
export function cameraArgs(cam: SyntheticCamera): string[] {
  const text = (s: string, y: string, size: number): string =>
    `drawtext=text='${s}':x=10:y=${y}:fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.6`;
  const small = cam.size === '320x180';
  const filters = [
    // Frame time := wall clock, so `localtime` and the timecode describe the moment of capture.
    'setpts=RTCTIME/(TB*1000000)',
    ...(cam.timecode === true ? timecodeFilters() : []),
    text(cam.cameraId, small ? 'h-44' : 'h-70', small ? 11 : 20),
    text('%{localtime\\:%H\\\\\\:%M\\\\\\:%S}', small ? 'h-24' : 'h-40', small ? 14 : 26),
    'setpts=N/(25*TB)',
  ];
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=${cam.size}:rate=25`],
    ...['-vf', filters.join(',')],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
    ...['-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-b:v', small ? '300k' : '800k'],
    ...['-f', 'flv', cam.publishUrl],
  ];
}
