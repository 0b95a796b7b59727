import { writeFileSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { eventsOf, frameWork, selfTimeByName, type Frame } from './frame-work';

const GOAL_MS = 16;
// Frame markers and main-thread tasks (see frame-work.ts), nothing else: a 60 s trace stays tens of MB.
const CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
];

// rAF intervals and a count of long animation frames (> 50 ms), in the page (a string: no DOM types here).
const RECORD_FRAMES = `(() => { window.__frames = []; window.__loaf = 0; let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  try { new PerformanceObserver((l) => { window.__loaf += l.getEntries().length; })
    .observe({ type: 'long-animation-frame' }); } catch { window.__loaf = -1; } })()`;

export const pct = (xs: readonly number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
const ms = (x: number): string => x.toFixed(1);
const spread = (xs: readonly number[]): string =>
  `p50 ${ms(pct(xs, 50))} · p95 ${ms(pct(xs, 95))} · p99 ${ms(pct(xs, 99))} · max ${ms(Math.max(...xs))} ms`;

export interface FrameFigures {
  readonly intervals: readonly number[];
  readonly dropped: number;
  readonly longFrames: number;
  readonly frames: readonly Frame[];
  readonly busyShare: number;
  /** Self time by event name over the frames at or above the work p95, ms per such frame. */
  readonly tail: readonly [string, number][];
}

/**
 * Records a page's frames while `drive` runs: the rAF interval (what the viewer sees, vsync-paced)
 * and, from a Chromium trace, the main thread's work per frame (what a frame costs).
 */
export async function measureFrames(
  browser: Browser,
  page: Page,
  drive: () => Promise<void>,
  traceOut?: string,
): Promise<FrameFigures> {
  await page.evaluate(RECORD_FRAMES);
  await browser.startTracing(page, { categories: CATEGORIES });
  let trace: Buffer;
  try {
    await drive();
  } finally {
    trace = await browser.stopTracing();
  }
  const intervals = await page.evaluate<number[]>('window.__frames');
  const longFrames = await page.evaluate<number>('window.__loaf');
  if (traceOut !== undefined) writeFileSync(traceOut, trace);
  const fw = frameWork(eventsOf(JSON.parse(trace.toString('utf8'))));
  const median = pct(intervals, 50);
  const p95 = pct(
    fw.frames.map((f) => f.workMs),
    95,
  );
  const tailFrames = fw.frames.filter((f) => f.workMs >= p95);
  const tail = selfTimeByName(fw.mainEvents, tailFrames).map(([name, total]): [string, number] => [
    name,
    total / Math.max(1, tailFrames.length),
  ]);
  return {
    intervals,
    dropped: intervals.filter((i) => i > 1.5 * median).length,
    longFrames,
    frames: fw.frames,
    busyShare: fw.busyShare,
    tail,
  };
}

/** The figures as the bench prints them: interval and work side by side, the goal, the tail's cost. */
export function describeFrames(f: FrameFigures): string {
  const work = f.frames.map((x) => x.workMs);
  const over = work.filter((w) => w > GOAL_MS).length;
  const loaf = f.longFrames < 0 ? 'not reported by this Chromium' : String(f.longFrames);
  return [
    `  rAF interval (paced by 60 Hz vsync): ${f.intervals.length} frames · ${spread(f.intervals)} · dropped (> 1.5 × median) ${f.dropped} · long animation frames (> 50 ms) ${loaf}`,
    `  main-thread work per frame (trace): ${work.length} frames · ${spread(work)} · ${over} over ${GOAL_MS} ms · main thread busy ${(f.busyShare * 100).toFixed(0)} % (goal p95 ≤ ${GOAL_MS} ms: ${pct(work, 95) <= GOAL_MS ? 'met' : 'NOT met'})`,
    `  the slowest 5 % of frames, self ms per frame: ${f.tail
      .slice(0, 8)
      .map(([n, t]) => `${n} ${t.toFixed(2)}`)
      .join(' · ')}`,
  ].join('\n');
}
