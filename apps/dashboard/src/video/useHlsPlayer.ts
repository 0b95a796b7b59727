import Hls, { type ErrorData, type HlsConfig } from 'hls.js';
import { type FlvHandle, flvSupported, startFlv } from './flv-player';
import { type RefObject, useEffect, useRef, useState } from 'react';
import {
  type PlayGrant,
  type RequestPlayGrant,
  renewDelayMs,
  type WatchReason,
  withToken,
} from './play-grant';
import { nextTileState, type PlayerSignal, retryDelayMs, type TileState } from './tile-state';

/**
 * Live HLS with 1 s segments: play 2 segments behind the edge (latency ≈ 3 s glass-to-glass), jump
 * forward when 5 behind, and keep at most 10 s behind the playhead (a wall runs for days).
 */
const HLS_CONFIG: Partial<HlsConfig> = {
  liveSyncDurationCount: 2,
  liveMaxLatencyDurationCount: 5,
  maxBufferLength: 8,
  maxMaxBufferLength: 16,
  backBufferLength: 10,
  enableWorker: true,
  lowLatencyMode: false,
};

/** HLS for every tile; FLV (mpegts.js) for the one focused tile where latency matters. */
export type PlayMode = 'hls' | 'flv';

export interface HlsPlayerState {
  readonly state: TileState;
  readonly grant: PlayGrant | undefined;
}

/** Plays one camera into `video`: grant, probe, hls.js (or native HLS), recovery, renewal, teardown. */
export function useHlsPlayer(
  video: RefObject<HTMLVideoElement | null>,
  cameraId: string,
  why: WatchReason,
  requestGrant: RequestPlayGrant,
  mode: PlayMode = 'hls',
): HlsPlayerState {
  const [state, setState] = useState<TileState>('connecting');
  const [grant, setGrant] = useState<PlayGrant | undefined>(undefined);
  const whyKey = why.reason === 'alert' ? `alert:${why.alertId}` : 'patrol';
  const whyRef = useRef(why);
  whyRef.current = why;

  useEffect(() => {
    const el = video.current;
    if (el === null) return undefined;
    const session = new PlayerSession(el, cameraId, mode, () => whyRef.current, requestGrant, {
      setState,
      setGrant,
    });
    session.start();
    return () => session.dispose();
  }, [video, cameraId, mode, whyKey, requestGrant]);

  return { state, grant };
}

/** One mounted tile's player; everything it creates is released in `dispose`. */
class PlayerSession {
  private hls: Hls | null = null;
  private flv: FlvHandle | null = null;
  private grant: PlayGrant | undefined;
  private state: TileState = 'connecting';
  private disposed = false;
  private retryTimer: number | undefined;
  private renewTimer: number | undefined;
  private readonly watchdog: number;
  private lastTime = -1;
  private stuckSince = Date.now();
  private mediaRecoveries = 0;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly cameraId: string,
    private readonly mode: PlayMode,
    private readonly why: () => WatchReason,
    private readonly requestGrant: RequestPlayGrant,
    private readonly report: { setState(s: TileState): void; setGrant(g: PlayGrant): void },
  ) {
    this.watchdog = window.setInterval(() => this.checkProgress(), 1000);
  }

  start(): void {
    void this.attempt();
  }

  dispose(): void {
    this.disposed = true;
    window.clearInterval(this.watchdog);
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.renewTimer);
    this.teardown();
  }

  private signal(s: PlayerSignal): void {
    const next = nextTileState(this.state, s);
    if (next === this.state) return;
    this.state = next;
    this.report.setState(next);
  }

  private async attempt(): Promise<void> {
    if (this.disposed) return;
    this.signal({ kind: 'started' });
    try {
      if (this.grant === undefined || Date.parse(this.grant.expiresAt) - Date.now() < 10_000)
        await this.renew();
      const grant = this.grant;
      if (grant === undefined || this.disposed) return;
      // Probing first tells "camera offline" (404) from "token refused" (401/403) before hls.js retries.
      const status = await probeStatus(this.mode === 'flv' ? grant.flvUrl : grant.hlsUrl);
      if (this.disposed) return;
      if (status !== 200) return this.fail(status);
      this.play(grant);
    } catch {
      if (!this.disposed) this.fail(0);
    }
  }

  private async renew(): Promise<void> {
    try {
      const grant = await this.requestGrant(this.cameraId, this.why());
      if (this.disposed) return;
      this.grant = grant;
      this.report.setGrant(grant);
      window.clearTimeout(this.renewTimer);
      this.renewTimer = window.setTimeout(() => void this.renew(), renewDelayMs(grant.expiresAt, Date.now()));
    } catch {
      this.grant = undefined;
      this.signal({ kind: 'grant-refused' });
      throw new Error('no play grant');
    }
  }

  private play(grant: PlayGrant): void {
    this.teardown();
    this.stuckSince = Date.now();
    if (this.mode === 'flv' && flvSupported()) {
      this.flv = startFlv(this.video, grant.flvUrl, () => this.fail(0));
    } else if (Hls.isSupported()) {
      const hls = new Hls({
        ...HLS_CONFIG,
        // Every playlist and segment request carries the newest token, so renewal never interrupts.
        xhrSetup: (xhr, url) => xhr.open('GET', withToken(url, this.grant?.token ?? grant.token), true),
      });
      hls.on(Hls.Events.ERROR, (_e, data) => this.onHlsError(data));
      hls.loadSource(grant.hlsUrl);
      hls.attachMedia(this.video);
      this.hls = hls;
    } else if (this.video.canPlayType('application/vnd.apple.mpegurl') !== '') {
      this.video.src = grant.hlsUrl; // Safari: native HLS
    } else {
      return this.signal({ kind: 'fatal' });
    }
    this.video.play().catch(() => undefined); // muted autoplay; a refusal shows as no progress
  }

  private onHlsError(data: ErrorData): void {
    if (!data.fatal || this.disposed) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && this.mediaRecoveries < 3) {
      this.mediaRecoveries += 1;
      this.hls?.recoverMediaError();
      return;
    }
    this.fail(data.response?.code ?? 0);
  }

  private fail(status: number): void {
    this.teardown();
    if (status === 401) this.grant = undefined;
    this.signal(status === 0 ? { kind: 'fatal' } : { kind: 'http-status', status });
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => void this.attempt(), retryDelayMs(this.state));
  }

  private checkProgress(): void {
    if (this.hls === null && this.flv === null && this.video.getAttribute('src') === null) return;
    const t = this.video.currentTime;
    if (t !== this.lastTime) {
      this.lastTime = t;
      this.stuckSince = Date.now();
      if (this.mediaRecoveries > 0 && this.state === 'playing') this.mediaRecoveries = 0;
      return this.signal({ kind: 'progress' });
    }
    const forMs = Date.now() - this.stuckSince;
    this.signal({ kind: 'no-progress', forMs });
    if (this.state === 'stalled') this.fail(0);
  }

  private teardown(): void {
    this.hls?.destroy();
    this.hls = null;
    this.flv?.destroy();
    this.flv = null;
    if (this.video.getAttribute('src') !== null) {
      this.video.removeAttribute('src');
      this.video.load();
    }
    this.lastTime = -1;
  }
}

/** The HTTP status of a stream URL; an FLV answer is a never-ending body, so only its headers are read. */
async function probeStatus(url: string): Promise<number> {
  const ctrl = new AbortController();
  const res = await fetch(url, { cache: 'no-store', signal: ctrl.signal });
  ctrl.abort();
  return res.status;
}
