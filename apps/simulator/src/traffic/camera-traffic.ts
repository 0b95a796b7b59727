import { SITE_TYPES, type CameraAnalytics, type CameraStatus, type SiteType } from '@fengqiao/contracts';
import { Prng, hashUnit, type CameraSpec } from '@fengqiao/geo';
import { uuidV5 } from '../uuid-v5';
import { crowdHeadCount, isActive, type Incident } from './incidents';
import { DAY_MS, streetActivity } from './rhythm';
import {
  ANALYTICS_PER_CAMERA_DAY,
  CROWD_RANGE,
  KIND_MIX,
  OFFLINE_SHARE,
  OUTAGE_WINDOW_MS,
  kindAt,
} from './traffic-model';

/** A camera the simulator drives: its registry entry and its stable index in the registry. */
export interface SimCamera {
  readonly index: number;
  readonly spec: CameraSpec;
  readonly urban: boolean;
}

const CROWD_EVERY_MS = 20_000;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Heartbeats, outages and analytics of the simulated cameras. Every value is a pure function of
 * (seed, camera, time), so any slot can be generated again and gives the same events and ids.
 */
export class CameraTraffic {
  private readonly bySite = new Map<SiteType, SimCamera[]>();
  private readonly byId = new Map<string, SimCamera>();

  constructor(
    private readonly cameras: readonly SimCamera[],
    private readonly seed: number,
    /** config.tuning.simulator.heartbeatMs; absent for a generator that makes no heartbeats (history). */
    private readonly heartbeatMs?: number,
  ) {
    for (const c of cameras) {
      // Appended in place (copying the site type's list per camera was quadratic: 31,000 cameras).
      const site = this.bySite.get(c.spec.siteType);
      if (site === undefined) this.bySite.set(c.spec.siteType, [c]);
      else site.push(c);
      this.byId.set(c.spec.cameraId, c);
    }
  }

  get size(): number {
    return this.cameras.length;
  }

  isOnline(cam: SimCamera, ms: number, incidents: readonly Incident[]): boolean {
    if (this.isDark(cam, ms, incidents)) return false;
    return !this.inOutage(cam, Math.floor(ms / OUTAGE_WINDOW_MS));
  }

  /** Heartbeats due in [from, to): each camera every heartbeatMs / rate, phases spread evenly. */
  statusInSlot(from: number, to: number, rate: number, incidents: readonly Incident[]): CameraStatus[] {
    if (this.heartbeatMs === undefined)
      throw new Error('SIM_HEARTBEAT_UNSET: heartbeats asked of a generator made without heartbeatMs');
    const period = Math.max(1, Math.round(this.heartbeatMs / rate));
    const out: CameraStatus[] = [];
    this.cameras.forEach((cam, i) => {
      // Golden-ratio phases: even in time and mixed across districts (registry order is by district).
      const phase = Math.floor(((i * GOLDEN) % 1) * period);
      for (let t = from + ((((phase - from) % period) + period) % period); t < to; t += period)
        out.push(this.status(cam, t, incidents));
    });
    return out;
  }

  private status(cam: SimCamera, t: number, incidents: readonly Incident[]): CameraStatus {
    const base = {
      schema: 'camera.status.v1' as const,
      eventId: uuidV5(`status/${cam.spec.cameraId}/${t}`),
      occurredAt: new Date(t).toISOString(),
      cameraId: cam.spec.cameraId,
      source: 'simulator' as const,
    };
    if (this.isOnline(cam, t, incidents)) {
      const u = hashUnit(this.seed, cam.index, t, 7);
      const nominal = cam.spec.siteType === 'road' || cam.spec.siteType === 'square' ? 4096 : 2048;
      return {
        ...base,
        online: true,
        bitrateKbps: Math.round(nominal * (0.85 + 0.3 * u)),
        fps: u < 0.05 ? 15 : 25,
        lastFrameAgeMs: 40 + Math.floor(160 * u),
      };
    }
    return {
      ...base,
      online: false,
      bitrateKbps: 0,
      fps: 0,
      lastFrameAgeMs: t - this.outageStart(cam, t, incidents),
    };
  }

  private isDark(cam: SimCamera, ms: number, incidents: readonly Incident[]): boolean {
    return incidents.some(
      (i) => i.kind === 'district-dark' && i.target === cam.spec.region.county && isActive(i, ms),
    );
  }

  private inOutage(cam: SimCamera, window: number): boolean {
    return (
      hashUnit(this.seed, cam.index, window, 1) < (cam.urban ? OFFLINE_SHARE.urban : OFFLINE_SHARE.rural)
    );
  }

  /** When the current outage began (looking back at most a day). */
  private outageStart(cam: SimCamera, t: number, incidents: readonly Incident[]): number {
    const dark = incidents.find(
      (i) => i.kind === 'district-dark' && i.target === cam.spec.region.county && isActive(i, t),
    );
    if (dark !== undefined) return dark.startMs;
    let w = Math.floor(t / OUTAGE_WINDOW_MS);
    const oldest = w - DAY_MS / OUTAGE_WINDOW_MS;
    while (w > oldest && this.inOutage(cam, w - 1)) w--;
    return w * OUTAGE_WINDOW_MS;
  }

  /** Detections in [from, to), following each site's rate, the street rhythm and any crowd incident. */
  analyticsInSlot(from: number, to: number, rate: number, incidents: readonly Incident[]): CameraAnalytics[] {
    const rng = Prng.derive(this.seed, 'analytics', from, to);
    const weights = SITE_TYPES.map((s) => (this.bySite.get(s)?.length ?? 0) * ANALYTICS_PER_CAMERA_DAY[s]);
    const perMs = weights.reduce((a, b) => a + b, 0) / DAY_MS;
    const count = rng.poisson(perMs * (to - from) * rate * streetActivity(from));
    const out: CameraAnalytics[] = [];
    for (let k = 0; k < count; k++) {
      const site = SITE_TYPES[rng.weighted(weights)] as SiteType;
      const cam = rng.pick(this.bySite.get(site) ?? []);
      const t = from + Math.floor(rng.next() * (to - from));
      if (this.isOnline(cam, t, incidents)) out.push(this.detection(rng, cam, t));
    }
    for (const inc of incidents) if (inc.kind === 'crowd') out.push(...this.crowd(inc, from, to, incidents));
    return out;
  }

  private detection(rng: Prng, cam: SimCamera, t: number): CameraAnalytics {
    const site = cam.spec.siteType;
    const kind = kindAt(rng.weighted(KIND_MIX[site]));
    const [lo, hi] = CROWD_RANGE[site];
    return {
      schema: 'camera.analytics.v1',
      eventId: uuidV5(`analytics/${cam.spec.cameraId}/${t}/${kind}`),
      occurredAt: new Date(t).toISOString(),
      cameraId: cam.spec.cameraId,
      kind,
      confidence: Math.round((0.55 + 0.44 * rng.next()) * 1000) / 1000,
      ...(kind === 'crowd' ? { headCount: lo + rng.int(hi - lo) } : {}),
      snapshotRef: `snapshots/${cam.spec.cameraId}/${t}.jpg`,
    };
  }

  private crowd(inc: Incident, from: number, to: number, incidents: readonly Incident[]): CameraAnalytics[] {
    const cam = this.byId.get(inc.target);
    if (cam === undefined) return [];
    const out: CameraAnalytics[] = [];
    const first = Math.max(
      inc.startMs,
      from + ((((inc.startMs - from) % CROWD_EVERY_MS) + CROWD_EVERY_MS) % CROWD_EVERY_MS),
    );
    for (let t = first; t < Math.min(to, inc.endMs); t += CROWD_EVERY_MS) {
      if (!this.isOnline(cam, t, incidents)) continue;
      out.push({
        schema: 'camera.analytics.v1',
        eventId: uuidV5(`analytics/${cam.spec.cameraId}/${t}/crowd/incident-${inc.serial}`),
        occurredAt: new Date(t).toISOString(),
        cameraId: cam.spec.cameraId,
        kind: 'crowd',
        confidence: 0.93,
        headCount: crowdHeadCount(inc, t),
        snapshotRef: `snapshots/${cam.spec.cameraId}/${t}.jpg`,
      });
    }
    return out;
  }
}
