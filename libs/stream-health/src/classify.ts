import { type StreamHealth } from '@fengqiao/contracts';
import { type Detections, type Interval, type PacketStats } from './ffmpeg-output';

// The verdicts (worst first) and the measurement are the camera status contract's (streamHealthSchema).

/** One sample of a stream: whether ffmpeg could read it, its packets and what the detectors saw. */
export interface StreamSample {
  /** False when ffmpeg could not open or read the stream at all (refused, timed out, no video). */
  readonly reachable: boolean;
  /** Seconds of stream asked for. */
  readonly sampleS: number;
  readonly packets: PacketStats;
  readonly detections: Detections;
}

export interface HealthThresholds {
  /** Below this share of the sample's time in packets, the stream dropped: no signal. */
  readonly minCoveredShare: number;
  /** A freeze or black picture covering at least this share of the sample. */
  readonly conditionShare: number;
  readonly minFps: number;
  readonly minBitrateKbps: number;
}

/**
 * Defaults for city surveillance cameras: a freeze or black picture over 80 % of a 5 s sample is a
 * fault (not a passing scene); under 5 fps or 32 kbit/s no one can follow what happens.
 */
export const DEFAULT_THRESHOLDS: HealthThresholds = {
  minCoveredShare: 0.5,
  conditionShare: 0.8,
  minFps: 5,
  minBitrateKbps: 32,
};

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Seconds of [from, to] the intervals cover (an open interval lasts to `to`); overlaps counted once. */
export function coveredSeconds(intervals: readonly Interval[], from: number, to: number): number {
  const spans = intervals
    .map((i) => [Math.max(from, i.start), Math.min(to, i.end ?? to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reach = from;
  for (const [a, b] of spans) {
    const start = Math.max(a, reach);
    if (b > start) total += b - start;
    reach = Math.max(reach, b);
  }
  return total;
}

/** Classifies one sample. Pure: the prober measures, this decides. */
export function classifyStream(s: StreamSample, t: HealthThresholds = DEFAULT_THRESHOLDS): StreamHealth {
  const { packets } = s;
  const empty = { sampleS: s.sampleS, frozenS: 0, blackS: 0 };
  if (!s.reachable || packets.packets < 2 || packets.firstS === undefined || packets.lastS === undefined)
    return { verdict: 'no-signal', ...empty };
  const spanS = packets.lastS - packets.firstS;
  // Frames arrive every 1/fps: n packets cover n intervals' worth of time.
  const coveredS = spanS * (packets.packets / (packets.packets - 1));
  const fps = round1(packets.packets / Math.max(coveredS, 1e-3));
  const bitrateKbps = round1((packets.bytes * 8) / 1000 / Math.max(coveredS, 1e-3));
  const frozenS = round1(coveredSeconds(s.detections.frozen, packets.firstS, packets.lastS));
  const blackS = round1(coveredSeconds(s.detections.black, packets.firstS, packets.lastS));
  const measured = { sampleS: s.sampleS, fps, bitrateKbps, frozenS, blackS };
  if (coveredS < s.sampleS * t.minCoveredShare) return { verdict: 'no-signal', ...measured };
  if (blackS >= spanS * t.conditionShare) return { verdict: 'black', ...measured };
  if (frozenS >= spanS * t.conditionShare) return { verdict: 'frozen', ...measured };
  if (fps < t.minFps) return { verdict: 'low-fps', ...measured };
  if (bitrateKbps < t.minBitrateKbps) return { verdict: 'low-bitrate', ...measured };
  return { verdict: 'ok', ...measured };
}
