/** A camera's state changed: online on a sign of life, offline after its window of silence. */
export interface SilenceTransition {
  readonly cameraId: string;
  readonly online: boolean;
  readonly atMs: number;
  readonly reason: 'sign-of-life' | 'silence' | 'reported-off';
}

export interface SilenceOptions {
  /** Granularity of the wheel and of the sweep; an offline may come up to one tick after its window. */
  readonly tickMs: number;
  /**
   * Flap suppression: no offline sooner than this after the camera's last change, so a camera that
   * drops in and out emits at most one pair of events per hold period.
   */
  readonly flapHoldMs: number;
  /** Span of the wheel; windows longer than this are re-checked once per span. */
  readonly spanMs: number;
}

interface Entry {
  readonly cameraId: string;
  lastSeenMs: number;
  windowMs: number;
  online: boolean | undefined;
  lastChangeMs: number;
  /** Absolute tick the entry waits in, or -1 when not scheduled (offline cameras wait for a sign of life). */
  tick: number;
}

/**
 * Silence detection for a fleet: a timing wheel of deadlines, so a sign of life costs O(1) and a sweep
 * costs only the ticks it passes and the entries due in them, never a scan of every camera. A sign of
 * life does not move an entry that already waits: when its tick comes and the camera was seen since,
 * it is put back at its new deadline (lazy rescheduling: about one move per window, not per keepalive).
 * Time is an argument everywhere.
 */
export class SilenceTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly wheel: Set<Entry>[];
  private cursor: number;

  constructor(
    private readonly options: SilenceOptions,
    startMs: number,
  ) {
    const slots = Math.max(2, Math.ceil(options.spanMs / options.tickMs) + 1);
    this.wheel = Array.from({ length: slots }, () => new Set<Entry>());
    this.cursor = Math.floor(startMs / options.tickMs);
  }

  /** A keepalive, heartbeat or status from the camera (or its device) at `nowMs`; silent after `windowMs`. */
  seen(cameraId: string, nowMs: number, windowMs: number): SilenceTransition | undefined {
    let e = this.entries.get(cameraId);
    if (e === undefined) {
      e = { cameraId, lastSeenMs: nowMs, windowMs, online: undefined, lastChangeMs: nowMs, tick: -1 };
      this.entries.set(cameraId, e);
    }
    e.lastSeenMs = Math.max(e.lastSeenMs, nowMs);
    e.windowMs = windowMs;
    let change: SilenceTransition | undefined;
    if (e.online !== true) {
      e.online = true;
      e.lastChangeMs = nowMs;
      change = { cameraId, online: true, atMs: nowMs, reason: 'sign-of-life' };
    }
    const dueTick = this.tickOf(this.dueOf(e));
    if (e.tick === -1 || dueTick < e.tick) this.schedule(e, dueTick);
    return change;
  }

  /** The device itself says the camera is off (Catalog OFF, unregister): offline now, no window. */
  reportedOff(cameraId: string, nowMs: number): SilenceTransition | undefined {
    const e = this.entries.get(cameraId) ?? this.create(cameraId, nowMs);
    this.unschedule(e);
    if (e.online === false) return undefined;
    e.online = false;
    e.lastChangeMs = nowMs;
    return { cameraId, online: false, atMs: nowMs, reason: 'reported-off' };
  }

  forget(cameraId: string): void {
    const e = this.entries.get(cameraId);
    if (e === undefined) return;
    this.unschedule(e);
    this.entries.delete(cameraId);
  }

  /** Every camera whose window ended by `nowMs` goes offline, once. */
  sweep(nowMs: number): SilenceTransition[] {
    const target = Math.floor(nowMs / this.options.tickMs);
    const steps = Math.min(target - this.cursor, this.wheel.length);
    const due: Entry[] = [];
    for (let i = 1; i <= steps; i++) {
      const bucket = this.wheel[(this.cursor + i) % this.wheel.length];
      if (bucket === undefined || bucket.size === 0) continue;
      for (const e of bucket) {
        e.tick = -1;
        due.push(e);
      }
      bucket.clear();
    }
    // The cursor moves first, so an entry put back lands after it, never in a slot just emptied.
    this.cursor = Math.max(this.cursor, target);
    const out: SilenceTransition[] = [];
    for (const e of due) this.fire(e, nowMs, out);
    return out;
  }

  get size(): number {
    return this.entries.size;
  }

  isOnline(cameraId: string): boolean | undefined {
    return this.entries.get(cameraId)?.online;
  }

  private fire(e: Entry, nowMs: number, out: SilenceTransition[]): void {
    if (e.online !== true) return;
    const dueMs = this.dueOf(e);
    if (dueMs <= nowMs) {
      e.online = false;
      e.lastChangeMs = nowMs;
      out.push({ cameraId: e.cameraId, online: false, atMs: nowMs, reason: 'silence' });
      return;
    }
    this.schedule(e, this.tickOf(dueMs));
  }

  private create(cameraId: string, nowMs: number): Entry {
    const e: Entry = {
      cameraId,
      lastSeenMs: nowMs,
      windowMs: 0,
      online: undefined,
      lastChangeMs: nowMs,
      tick: -1,
    };
    this.entries.set(cameraId, e);
    return e;
  }

  private dueOf(e: Entry): number {
    return Math.max(e.lastSeenMs + e.windowMs, e.lastChangeMs + this.options.flapHoldMs);
  }

  private tickOf(ms: number): number {
    return Math.ceil(ms / this.options.tickMs);
  }

  private schedule(e: Entry, tick: number): void {
    this.unschedule(e);
    // Within the wheel's span; a longer wait fires early and is put back (see fire()).
    const t = Math.min(Math.max(tick, this.cursor + 1), this.cursor + this.wheel.length - 1);
    this.wheel[t % this.wheel.length]?.add(e);
    e.tick = t;
  }

  private unschedule(e: Entry): void {
    if (e.tick === -1) return;
    this.wheel[e.tick % this.wheel.length]?.delete(e);
    e.tick = -1;
  }
}
