import { useCallback, useEffect, useRef, useState } from 'react';
import { type CameraStatusAggregate } from '@fengqiao/contracts';
import { S } from '../i18n/strings';
import { VideoTile, type TileState } from '../video';
import { patrolTiles, slotTiles } from './patrol-plan';
import { usePatrolGroup, usePinned } from './usePatrol';
import { districtName } from './wall-data';

const DARK: readonly TileState[] = ['offline', 'denied', 'error'];

/**
 * The 2×2 video patrol wall: cameras streaming now first, then the county rotation; a flashing red
 * alert pins its nearest cameras (streaming first). Each tile shows the camera's latest snapshot.
 */
export function VideoPatrolSlot({
  cameras: aggregate,
}: {
  readonly cameras: CameraStatusAggregate | undefined;
}) {
  const [dark, setDark] = useState<ReadonlySet<string>>(new Set());
  // Read by the next rotation: streaming picks that went dark in this one are replaced then.
  const dropped = useRef<ReadonlySet<string>>(dark);
  dropped.current = dark;
  const group = usePatrolGroup(aggregate, dropped);
  const { pinned, alertId } = usePinned();
  useEffect(() => setDark(new Set()), [group]);
  const onState = useCallback((cameraId: string, state: TileState) => {
    if (DARK.includes(state)) setDark((d) => (d.has(cameraId) ? d : new Set([...d, cameraId])));
  }, []);
  const shown = slotTiles(pinned, patrolTiles(group.streaming, group.rotation, dark), alertId);
  return (
    <section
      className="panel video"
      aria-label={S.videoPatrol}
      data-testid="video-slot"
      data-pinned={pinned.length}
    >
      <h2 className="panel__title">
        {alertId === undefined ? S.videoPatrol : `${S.videoPatrol} · ${S.nearbyCameras}`}
      </h2>
      <div className="video__grid">
        {/* Keyed by camera: a rotation unmounts the old player, which destroys its hls.js instance. */}
        {shown.map((tile) => (
          <VideoTile
            key={tile.camera.cameraId}
            {...tile}
            regionName={districtName(tile.camera.county)}
            onStateChange={(s) => onState(tile.camera.cameraId, s)}
          />
        ))}
      </div>
    </section>
  );
}
