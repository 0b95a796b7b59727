import { useEffect, useMemo, useState } from 'react';
import { cameraSearchResponseSchema, type CameraSummary } from '@fengqiao/contracts';
import { apiGet, queryString } from '../api/http';
import { S } from '../i18n/strings';
import { isFlashing, openAlertsInOrder } from '../live/alert-book';
import { useLiveAlerts } from '../live/LiveAlerts';
import { districtName, fetchPatrolGroup } from './wall-data';

/** Patrol schedule: a new group of four cameras every minute (domain.md: 常态化巡查调度). */
const ROTATE_MS = 60_000;

/**
 * ─── VIDEO SLOT ──────────────────────────────────────────────────────────────────────────────
 * The props a video tile receives. Until the player of issue 7 lands in `src/video/`, the wall
 * renders `PlaceholderTile` with them; wiring it is one line in `VideoPatrolSlot` below:
 * `<VideoTile key={c.cameraId} camera={c} reason={…same…} />` in place of `<PlaceholderTile …/>`.
 */
export interface VideoTileProps {
  readonly camera: CameraSummary;
  /** Why it is on the wall: the patrol rotation, or pinned by a red alert nearby (for the audit). */
  readonly reason: 'patrol' | 'alert';
}

function PlaceholderTile({ camera, reason }: VideoTileProps) {
  return (
    <div
      className={`video-tile video-tile--${reason}`}
      data-testid="video-tile"
      data-camera-id={camera.cameraId}
    >
      <div className="video-tile__name">{camera.name}</div>
      <div className="video-tile__region">{districtName(camera.county)}</div>
      <div className="video-tile__state">{S.videoPending}</div>
    </div>
  );
}

/** Cameras of a red alert's township, pinned while it is unacknowledged; else the patrol group. */
function usePatrolCameras(): { cameras: CameraSummary[]; pinnedCount: number } {
  const { book } = useLiveAlerts();
  const pinTownship = useMemo(
    () =>
      openAlertsInOrder(book.alerts.values()).find((a) => isFlashing(a) && a.region.township !== undefined)
        ?.region.township,
    [book],
  );
  const [group, setGroup] = useState<CameraSummary[]>([]);
  const [pinned, setPinned] = useState<CameraSummary[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    let after: string | undefined;
    const next = (): void => {
      fetchPatrolGroup(after, controller.signal)
        .then((page) => {
          setGroup(page.items);
          after = page.nextAfter ?? undefined;
        })
        .catch(() => undefined);
    };
    next();
    const timer = window.setInterval(next, ROTATE_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, []);

  useEffect(() => {
    if (pinTownship === undefined) return setPinned([]);
    const controller = new AbortController();
    apiGet(
      `/api/cameras${queryString({ township: pinTownship, limit: 4 })}`,
      cameraSearchResponseSchema,
      controller.signal,
    )
      .then((page) => setPinned(page.items))
      .catch(() => undefined);
    return () => controller.abort();
  }, [pinTownship]);

  if (pinned.length === 0) return { cameras: group, pinnedCount: 0 };
  const rest = group.filter((c) => !pinned.some((p) => p.cameraId === c.cameraId));
  return { cameras: [...pinned, ...rest].slice(0, 4), pinnedCount: pinned.length };
}

/** The 2×2 video patrol wall. */
export function VideoPatrolSlot() {
  const { cameras, pinnedCount } = usePatrolCameras();
  return (
    <section className="panel video" aria-label={S.videoPatrol} data-testid="video-slot">
      <h2 className="panel__title">{S.videoPatrol}</h2>
      <div className="video__grid">
        {cameras.slice(0, 4).map((c, i) => (
          <PlaceholderTile key={c.cameraId} camera={c} reason={i < pinnedCount ? 'alert' : 'patrol'} />
        ))}
      </div>
    </section>
  );
}
