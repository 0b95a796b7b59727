/** One interval a detector reported, in seconds of stream time; `end` absent while it lasted to the end. */
export interface Interval {
  readonly start: number;
  readonly end?: number;
}

/** What ffmpeg's freezedetect and blackdetect filters said on stderr during one sample. */
export interface Detections {
  readonly frozen: readonly Interval[];
  readonly black: readonly Interval[];
}

const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/**
 * Parses freezedetect (`lavfi.freezedetect.freeze_start: 2.04` … `freeze_end: 6.1`) and blackdetect
 * (`black_start:0 black_end:5.04 black_duration:5.04`) lines of ffmpeg's log.
 */
export function parseDetections(stderr: string): Detections {
  const frozen: Interval[] = [];
  const black: Interval[] = [];
  for (const line of stderr.split('\n')) {
    const fs = /freezedetect\.freeze_start:\s*([-\d.e+]+)/.exec(line);
    if (fs) {
      const start = num(fs[1]);
      if (start !== undefined) frozen.push({ start });
      continue;
    }
    const fe = /freezedetect\.freeze_end:\s*([-\d.e+]+)/.exec(line);
    if (fe) {
      const end = num(fe[1]);
      const last = frozen.at(-1);
      if (last !== undefined && last.end === undefined && end !== undefined)
        frozen[frozen.length - 1] = { ...last, end };
      continue;
    }
    const b = /black_start:\s*([-\d.e+]+)\s+black_end:\s*([-\d.e+]+)/.exec(line);
    if (b) {
      const start = num(b[1]);
      const end = num(b[2]);
      if (start !== undefined) black.push(end === undefined ? { start } : { start, end });
    }
  }
  return { frozen, black };
}

/** The video packets of one sample, from ffmpeg's `framecrc` muxer (stream copy): count, bytes, time span. */
export interface PacketStats {
  readonly packets: number;
  readonly bytes: number;
  /** First and last packet time in seconds (pts × time base); undefined without packets. */
  readonly firstS?: number;
  readonly lastS?: number;
}

/**
 * Parses framecrc output: `#tb 0: 1/1000` headers, then `0, dts, pts, duration, size, 0xcrc` per
 * packet. Only stream 0 (the mapped video) is counted.
 */
export function parsePackets(framecrc: string): PacketStats {
  let tb = 0.001;
  let packets = 0;
  let bytes = 0;
  let firstS: number | undefined;
  let lastS: number | undefined;
  for (const line of framecrc.split('\n')) {
    const t = /^#tb 0:\s*(\d+)\/(\d+)/.exec(line);
    if (t) {
      tb = Number(t[1]) / Number(t[2]);
      continue;
    }
    const p = /^0,\s*(-?\d+),\s*(-?\d+),\s*(-?\d+),\s*(\d+),/.exec(line);
    if (!p) continue;
    const at = Number(p[2]) * tb;
    packets += 1;
    bytes += Number(p[4]);
    firstS = firstS === undefined ? at : Math.min(firstS, at);
    lastS = lastS === undefined ? at : Math.max(lastS, at);
  }
  return {
    packets,
    bytes,
    ...(firstS === undefined ? {} : { firstS }),
    ...(lastS === undefined ? {} : { lastS }),
  };
}
