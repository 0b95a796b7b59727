import { createHash } from 'node:crypto';
import { type IngestSilenceTuning } from '@fengqiao/config';
import { type CameraStatus } from '@fengqiao/contracts';
import { SilenceTracker } from '@fengqiao/domain';

/** The newest status the ingest stored for a camera: its source's time and the window that applies. */
export interface HeardCamera {
  readonly cameraId: string;
  readonly heardAtMs: number;
  readonly windowMs: number;
}

/** Which of these cameras are still online with nothing stored since `heardAtMs` (camera_state). */
export interface SilenceConfirmPort {
  stillSilent(candidates: readonly HeardCamera[]): Promise<ReadonlySet<string>>;
}

export type SilencePublish = (events: readonly CameraStatus[]) => Promise<void>;

/** Fixed namespace of the ingest's silence verdicts (RFC 9562 v5 ids). */
const SILENCE_NAMESPACE = Buffer.from('a3c1f0e25f4b4d8e9b7a511900051190', 'hex');

/**
 * Cameras that report through the ingest (the simulator's heartbeats) and stop talking: offline once
 * their source's window has passed without a stored status, back online with the next one (the
 * heartbeat itself says so). Every ingest instance watches the cameras whose statuses it stored;
 * before a verdict it asks the shared camera_state whether anything newer was stored meanwhile (by
 * another instance after a rebalance, or by another source), and the verdict is a deterministic
 * event (id and time derived from the last status heard), so two instances that heard the same
 * status produce the same event, stored once. Decision: docs/gb28181.md, "Silence".
 */
export class CameraSilenceWatch {
  private readonly tracker: SilenceTracker;
  private readonly heard = new Map<string, HeardCamera>();
  /** Verdicts the database could not confirm yet (it was unreachable): asked again next sweep. */
  private unconfirmed: string[] = [];
  private pending: CameraStatus[] = [];

  constructor(
    private readonly settings: IngestSilenceTuning,
    private readonly confirm: SilenceConfirmPort,
    private readonly publish: SilencePublish,
    startMs: number,
  ) {
    const longest = Math.max(...Object.values(settings.windowMs), settings.flapHoldMs);
    this.tracker = new SilenceTracker(
      { tickMs: settings.sweepMs, flapHoldMs: settings.flapHoldMs, spanMs: longest + settings.sweepMs },
      startMs,
    );
  }

  /** Statuses just stored (their transaction committed), heard at `nowMs` (receive time). */
  heardStatuses(events: readonly CameraStatus[], nowMs: number): void {
    for (const e of events) {
      const windowMs = e.source === 'simulator' ? this.settings.windowMs.simulator : undefined;
      if (windowMs === undefined) continue;
      const atMs = Date.parse(e.occurredAt);
      const before = this.heard.get(e.cameraId);
      if (before !== undefined && before.heardAtMs > atMs) continue;
      this.heard.set(e.cameraId, { cameraId: e.cameraId, heardAtMs: atMs, windowMs });
      if (e.online) this.tracker.seen(e.cameraId, nowMs, windowMs);
      else this.tracker.reportedOff(e.cameraId, nowMs);
    }
  }

  /** Confirms and publishes the verdicts due by `nowMs`; returns how many offline events were sent. */
  async sweep(nowMs: number): Promise<number> {
    const due = [
      ...this.unconfirmed.filter((id) => this.tracker.isOnline(id) === false),
      ...this.tracker.sweep(nowMs).flatMap((t) => (t.online ? [] : [t.cameraId])),
    ];
    this.unconfirmed = [];
    const candidates = due.flatMap((id) => this.heard.get(id) ?? []);
    if (candidates.length > 0) await this.settle(candidates);
    if (this.pending.length === 0) return 0;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.publish(batch);
    } catch (err) {
      this.pending = [...batch, ...this.pending];
      throw err;
    }
    return batch.length;
  }

  get watched(): number {
    return this.tracker.size;
  }

  private async settle(candidates: readonly HeardCamera[]): Promise<void> {
    let silent: ReadonlySet<string>;
    try {
      silent = await this.confirm.stillSilent(candidates);
    } catch (err) {
      this.unconfirmed = candidates.map((c) => c.cameraId);
      throw err;
    }
    for (const c of candidates) {
      if (silent.has(c.cameraId)) {
        this.pending.push(silenceVerdict(c));
        continue;
      }
      // Someone stored a newer status (the partition moved, or another source reports it): not ours.
      this.tracker.forget(c.cameraId);
      this.heard.delete(c.cameraId);
    }
  }
}

/** The offline event for a camera silent since `heardAtMs`: the same inputs always give the same event. */
export function silenceVerdict(c: HeardCamera): CameraStatus {
  const atMs = c.heardAtMs + c.windowMs;
  return {
    schema: 'camera.status.v1',
    eventId: uuidV5(`silence/${c.cameraId}/${c.heardAtMs}/${c.windowMs}`),
    occurredAt: new Date(atMs).toISOString(),
    cameraId: c.cameraId,
    online: false,
    lastFrameAgeMs: c.windowMs,
    source: 'simulator',
  };
}

function uuidV5(name: string): string {
  const hash = createHash('sha1').update(SILENCE_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
