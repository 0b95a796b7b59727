/**
 * Work per frame from a Chromium trace (devtools.timeline categories), so the wall bench can report
 * what a frame costs rather than when it was shown: headless Chromium paces requestAnimationFrame at
 * 60 Hz, so rAF intervals sit at 16.7 ms whether a frame took 2 ms of work or 15.
 *
 * A frame's work is the renderer main thread's busy time (the union of its top-level tasks) from the
 * task that began one main frame to the task that began the next: everything the main thread did in
 * that slot, the frame's own style/layout/paint and rAF callbacks (ECharts draws there) as well as
 * the socket messages, timers and GC between them that take from the same budget.
 */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: unknown };
}

export interface Frame {
  /** µs on the trace clock. */
  readonly start: number;
  readonly end: number;
  readonly workMs: number;
}

export interface FrameWork {
  readonly frames: readonly Frame[];
  /** Main-thread busy time ÷ the frames' span. */
  readonly busyShare: number;
  /** Which trace event delimited the frames. */
  readonly marker: string;
  /** The renderer main thread's events with a duration (for {@link selfTimeByName}). */
  readonly mainEvents: readonly TraceEvent[];
}

// The main thread's top-level tasks: DevTools' name, and the scheduler's ('toplevel' category).
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
// One per main frame; FireAnimationFrame as a fallback (the bench keeps a rAF loop running).
const MARKERS = ['BeginMainThreadFrame', 'FireAnimationFrame'] as const;

/** The events of a trace file in either JSON form (an array, or `{ traceEvents }`). */
export function eventsOf(trace: unknown): TraceEvent[] {
  const events = Array.isArray(trace) ? trace : (trace as { traceEvents?: unknown }).traceEvents;
  if (!Array.isArray(events)) throw new Error('TRACE_UNREADABLE: no traceEvents array');
  return events as TraceEvent[];
}

export function frameWork(events: readonly TraceEvent[]): FrameWork {
  const { key, marker } = mainThread(events);
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === key);
  const mainEvents = onMain.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const busy = mergeIntervals(mainEvents.filter((e) => TASKS.has(e.name)));
  if (busy.length === 0) throw new Error('TRACE_NO_TASKS: no RunTask events on the renderer main thread');
  const bounds = frameStarts(
    onMain.filter((e) => e.name === marker).map((e) => e.ts),
    busy,
  );
  const frames: Frame[] = [];
  let i = 0;
  for (let f = 0; f + 1 < bounds.length; f += 1) {
    const start = bounds[f] as number;
    const end = bounds[f + 1] as number;
    while (i < busy.length && (busy[i] as Interval)[0] < start) i += 1;
    let work = 0;
    for (; i < busy.length && (busy[i] as Interval)[0] < end; i += 1)
      work += (busy[i] as Interval)[1] - (busy[i] as Interval)[0];
    frames.push({ start, end, workMs: work / 1000 });
  }
  const span = (bounds.at(-1) ?? 0) - (bounds[0] ?? 0);
  const total = frames.reduce((s, f) => s + f.workMs * 1000, 0);
  return { frames, busyShare: span > 0 ? total / span : 0, marker, mainEvents };
}

/**
 * Self time (own duration minus direct children's) by event name, ms, largest first, over the given
 * frames (in start order).
 */
export function selfTimeByName(
  mainEvents: readonly TraceEvent[],
  frames: readonly Frame[],
): [string, number][] {
  const sorted = [...mainEvents].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<TraceEvent, number>();
  const stack: TraceEvent[] = [];
  for (const e of sorted) {
    while (stack.length > 0 && end(stack[stack.length - 1] as TraceEvent) <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent !== undefined)
      self.set(parent, (self.get(parent) ?? 0) - Math.min(e.dur ?? 0, end(parent) - e.ts));
    self.set(e, (self.get(e) ?? 0) + (e.dur ?? 0));
    stack.push(e);
  }
  const inFrames = (ts: number): boolean => {
    const f = frames[lastStartAtOrBefore(frames, ts)];
    return f !== undefined && ts < f.end;
  };
  const byName = new Map<string, number>();
  for (const [e, us] of self) if (inFrames(e.ts)) byName.set(e.name, (byName.get(e.name) ?? 0) + us / 1000);
  return [...byName].sort((a, b) => b[1] - a[1]);
}

type Interval = [number, number];

/** Index of the last frame (sorted by start) starting at or before ts, -1 if none. */
function lastStartAtOrBefore(frames: readonly Frame[], ts: number): number {
  let lo = 0;
  let hi = frames.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((frames[mid] as Frame).start <= ts) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const end = (e: TraceEvent): number => e.ts + (e.dur ?? 0);

/** The CrRendererMain thread with the most frame markers, and which marker it has. */
function mainThread(events: readonly TraceEvent[]): { key: string; marker: string } {
  const renderers = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  for (const marker of MARKERS) {
    const counts = new Map<string, number>();
    for (const e of events) {
      const key = `${e.pid}:${e.tid}`;
      if (e.name === marker && renderers.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best !== undefined) return { key: best[0], marker };
  }
  throw new Error(`TRACE_NO_FRAMES: no ${MARKERS.join(' or ')} on a CrRendererMain thread`);
}

/** Union of the tasks' [start, end): nested or overlapping task events count once. */
function mergeIntervals(tasks: readonly TraceEvent[]): Interval[] {
  const sorted = tasks.map((e): Interval => [e.ts, end(e)]).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * A marker is emitted inside the task that begins the frame: the frame starts where that task
 * starts, or the task would count toward the frame before.
 */
function frameStarts(markers: readonly number[], busy: readonly Interval[]): number[] {
  const starts: number[] = [];
  let i = 0;
  for (const m of [...markers].sort((a, b) => a - b)) {
    while (i < busy.length && (busy[i] as Interval)[1] < m) i += 1;
    const task = busy[i];
    const start = task !== undefined && task[0] <= m ? task[0] : m;
    if (start !== starts[starts.length - 1]) starts.push(start);
  }
  return starts;
}
