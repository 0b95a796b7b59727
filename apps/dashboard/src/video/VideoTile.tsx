import { useEffect, useRef } from 'react';
import { type CameraHealth } from '@fengqiao/contracts';
import { healthBadge } from '../cameras/health-badge';
import { LatestSnapshot } from './LatestSnapshot';
import { requestPlayGrant, type RequestPlayGrant, type WatchReason } from './play-grant';
import { TILE_STATE_LABEL, type TileState } from './tile-state';
import { type PlayMode, useHlsPlayer } from './useHlsPlayer';
import './video.css';

/** The camera a tile shows (a CameraSummary of @fengqiao/contracts fits). */
export interface TileCamera {
  readonly cameraId: string;
  readonly name: string;
  readonly county: string;
  readonly township?: string;
  /** The stream prober's last sample and the camera's reported state (a fault shows on the tile). */
  readonly health?: CameraHealth;
  readonly online?: boolean | null;
}

export type VideoTileProps = {
  readonly camera: TileCamera;
  /** Human region label (e.g. "巴州区 · 东城街道"); the county code when absent. */
  readonly regionName?: string;
  /** Asks the API for a play grant; the default calls POST /api/video/cameras/:id/play. */
  readonly requestGrant?: RequestPlayGrant;
  readonly onStateChange?: (state: TileState) => void;
  /** 'flv' (mpegts.js, lower latency, no remux) for the one focused tile; 'hls' by default. */
  readonly mode?: PlayMode;
  readonly className?: string;
  /** Show the camera's latest analytics snapshot in a corner (the video wall; decision 0020). */
  readonly snapshots?: boolean;
} & ({ readonly reason: 'patrol' } | { readonly reason: 'alert'; readonly alertId: string });

/** One live camera: hls.js player with its name, region and stream state, and a clear offline state. */
export function VideoTile(props: VideoTileProps) {
  const { camera, regionName, onStateChange, className } = props;
  const video = useRef<HTMLVideoElement>(null);
  const why: WatchReason =
    props.reason === 'alert' ? { reason: 'alert', alertId: props.alertId } : { reason: 'patrol' };
  const { state, grant } = useHlsPlayer(
    video,
    camera.cameraId,
    why,
    props.requestGrant ?? requestPlayGrant,
    props.mode,
  );
  useEffect(() => {
    onStateChange?.(state);
  }, [state, onStateChange]);
  const dark = state === 'offline' || state === 'denied' || state === 'error';
  const badge = healthBadge(camera.health, camera.online ?? null);
  return (
    <div
      className={`fq-video-tile fq-video-tile--${state} fq-video-tile--${props.reason} ${className ?? ''}`}
      data-testid="video-tile"
      data-camera-id={camera.cameraId}
      data-state={state}
    >
      <video ref={video} className="fq-video-tile__video" muted playsInline autoPlay />
      {dark && <div className="fq-video-tile__blackout">{TILE_STATE_LABEL[state]}</div>}
      {props.snapshots === true && grant !== undefined && state !== 'denied' && (
        <LatestSnapshot grant={grant} />
      )}
      <div className="fq-video-tile__caption">
        <span className="fq-video-tile__name">{camera.name}</span>
        <span className="fq-video-tile__region">{regionName ?? camera.county}</span>
        {badge !== undefined && (
          <span
            className={`fq-video-tile__health fq-video-tile__health--${badge.verdict}`}
            title={badge.title}
            data-testid="tile-health"
            data-verdict={badge.verdict}
          >
            {badge.label}
          </span>
        )}
      </div>
      <span className={`fq-video-tile__state fq-video-tile__state--${state}`}>{TILE_STATE_LABEL[state]}</span>
    </div>
  );
}
