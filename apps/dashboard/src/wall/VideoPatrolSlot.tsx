import { useEffect, useMemo, useState } from 'react';
import { cameraSearchResponseSchema, type CameraSummary } from '@fengqiao/contracts';
import { apiGet, queryString } from '../api/http';
import { S } from '../i18n/strings';
import { VideoTile } from '../video';
import { isFlashing, openAlertsInOrder } from '../live/alert-book';
import { useLiveAlerts } from '../live/LiveAlerts';
import { districtName, fetchPatrolGroup } from './wall-data';

/** Patrol schedule: a new group of four cameras every minute (domain.md: 常态化巡查调度). */
const ROTATE_MS = 60_000;

/** Cameras of a red alert's township, pinned while it is unacknowledged; else the patrol group. */
function usePatrolCameras(): { cameras: CameraSummary[]; pinnedCount: number; pinAlertId?: string } {
  const { book } = useLiveAlerts();
  const pinAlert = useMemo(
    () =>
      openAlertsInOrder(book.alerts.values()).find((a) => isFlashing(a) && a.region.township !== undefined),
    [book],
  );
  const pinTownship = pinAlert?.region.township;
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
  return {
    cameras: [...pinned, ...rest].slice(0, 4),
    pinnedCount: pinned.length,
    pinAlertId: pinAlert?.alertId,
  };
}

/** The 2×2 video patrol wall. */
export function VideoPatrolSlot() {
  const { cameras, pinnedCount, pinAlertId } = usePatrolCameras();
  return (
    <section className="panel video" aria-label={S.videoPatrol} data-testid="video-slot">
      <h2 className="panel__title">{S.videoPatrol}</h2>
      <div className="video__grid">
        {/* Keyed by camera: a rotation unmounts the old player, which destroys its hls.js instance. */}
        {cameras
          .slice(0, 4)
          .map((c, i) =>
            i < pinnedCount && pinAlertId !== undefined ? (
              <VideoTile
                key={c.cameraId}
                camera={c}
                regionName={districtName(c.county)}
                reason="alert"
                alertId={pinAlertId}
              />
            ) : (
              <VideoTile key={c.cameraId} camera={c} regionName={districtName(c.county)} reason="patrol" />
            ),
          )}
      </div>
    </section>
  );
}
