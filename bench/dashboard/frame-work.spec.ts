import { eventsOf, frameWork, selfTimeByName, type TraceEvent } from './frame-work';

const MAIN = { pid: 7, tid: 1 };
const meta = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name },
});
const task = (ts: number, dur: number, name = 'RunTask', where = MAIN): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  ...where,
});
const mark = (ts: number, name = 'BeginMainThreadFrame', where = MAIN): TraceEvent => ({
  name,
  ph: 'I',
  ts,
  ...where,
});

// Three 60 Hz slots (16,667 µs): 3 ms, then 14 + 2 ms (a socket message after the frame's task), then 2 ms.
const TRACE: TraceEvent[] = [
  meta(7, 1, 'CrRendererMain'),
  meta(7, 2, 'Compositor'),
  meta(9, 1, 'CrRendererMain'), // a spare renderer: no frames
  task(0, 3000),
  mark(100),
  task(16_667, 14_000),
  task(16_700, 11_000, 'FunctionCall'),
  task(16_667, 14_000, 'ThreadControllerImpl::RunTask'), // the same task under its scheduler name
  mark(16_800),
  task(31_000, 2000),
  task(31_200, 1500, 'GCEvent'),
  task(33_334, 2000),
  mark(33_400),
  task(50_001, 1000),
  mark(50_100),
  task(10, 9999, 'RunTask', { pid: 7, tid: 2 }), // compositor thread: not the main thread's work
  task(20, 9999, 'RunTask', { pid: 9, tid: 1 }),
];

describe('frameWork', () => {
  it('sums the main thread busy time from the task that begins a frame to the one that begins the next', () => {
    const fw = frameWork(TRACE);
    expect(fw.marker).toBe('BeginMainThreadFrame');
    expect(fw.frames.map((f) => f.workMs)).toEqual([3, 16, 2]);
    expect(fw.frames.map((f) => f.start)).toEqual([0, 16_667, 33_334]);
    expect(fw.busyShare).toBeCloseTo(21_000 / 50_001, 6);
  });

  it('falls back to FireAnimationFrame, counting a frame once however many callbacks it ran', () => {
    const raf = TRACE.map((e) =>
      e.name === 'BeginMainThreadFrame' ? { ...e, name: 'FireAnimationFrame', ph: 'X', dur: 50 } : e,
    );
    raf.push(mark(120, 'FireAnimationFrame'));
    const fw = frameWork(raf);
    expect(fw.marker).toBe('FireAnimationFrame');
    expect(fw.frames.map((f) => f.workMs)).toEqual([3, 16, 2]);
  });

  it('refuses a trace without frames rather than reporting zero work', () => {
    expect(() => frameWork(TRACE.filter((e) => e.ph !== 'I'))).toThrow(/TRACE_NO_FRAMES/);
  });

  it('reads both trace file forms', () => {
    expect(eventsOf({ traceEvents: TRACE })).toHaveLength(TRACE.length);
    expect(eventsOf(TRACE)).toHaveLength(TRACE.length);
    expect(() => eventsOf({})).toThrow(/TRACE_UNREADABLE/);
  });
});

describe('selfTimeByName', () => {
  it('charges each event its own time, children excluded, in the chosen frames only', () => {
    const fw = frameWork(TRACE);
    const slow = fw.frames.filter((f) => f.workMs > 10);
    const self = new Map(selfTimeByName(fw.mainEvents, slow));
    expect(self.get('FunctionCall')).toBe(11);
    expect(self.get('GCEvent')).toBe(1.5);
    // 14 ms task − 11 ms call, + 2 ms task − 1.5 ms GC; the nested scheduler twin holds part of it.
    expect((self.get('RunTask') ?? 0) + (self.get('ThreadControllerImpl::RunTask') ?? 0)).toBe(3.5);
  });
});
