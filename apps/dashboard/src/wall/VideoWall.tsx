import { useCallback, useEffect, useRef, useState } from 'react';
import { type CameraStatusAggregate } from '@fengqiao/contracts';
import { S } from '../i18n/strings';
import { VideoTile, type TileState } from '../video';
import { fillSplit, patrolTiles, splitColumns } from './patrol-plan';
import { usePatrolGroup } from './usePatrol';
import { type PatrolScope, type Split } from './wall-config';
import { districtName } from './wall-data';
import { scopeLabel } from './incident-strings';

const DARK: readonly TileState[] = ['offline', 'denied', 'error'];

interface Props {
  readonly split: Split;
  readonly scope: PatrolScope;
  readonly cameras: CameraStatusAggregate | undefined;
}

/**
 * The video wall view: a 1/4/9/16 split patrolling its scope, cameras streaming now first, then the
 * online ones of the scope (a region's registry, or the counties in turn); dark tiles are replaced.
 */
export function VideoWall({ split, scope, cameras }: Props) {
  const [dark, setDark] = useState<ReadonlySet<string>>(new Set());
  const dropped = useRef<ReadonlySet<string>>(dark);
  dropped.current = dark;
  const group = usePatrolGroup(cameras, dropped, { tiles: split, scope });
  useEffect(() => setDark(new Set()), [group]);
  const onState = useCallback((cameraId: string, state: TileState) => {
    if (DARK.includes(state)) setDark((d) => (d.has(cameraId) ? d : new Set([...d, cameraId])));
  }, []);
  const shown = fillSplit(patrolTiles(group.streaming, group.rotation, dark, split), group.rotation, split);
  const columns = splitColumns(split);
  return (
    <section
      className="panel video-wall"
      aria-label={S.videoPatrol}
      data-testid="video-wall"
      data-split={split}
    >
      <h2 className="panel__title">
        {S.videoPatrol} · {scopeLabel(scope)}
        <span className="panel__count">{`${shown.length}/${split}`}</span>
      </h2>
      <div
        className={`video-wall__grid video-wall__grid--${split}`}
        style={{
          gridTemplateColumns: `repeat(${columns}, 1fr)`,
          gridTemplateRows: `repeat(${columns}, 1fr)`,
        }}
      >
        {/* Keyed by camera: a rotation unmounts the old player, which destroys its hls.js instance. */}
        {shown.map((c) => (
          <VideoTile
            key={c.cameraId}
            camera={c}
            regionName={districtName(c.county)}
            reason="patrol"
            snapshots
            onStateChange={(s) => onState(c.cameraId, s)}
          />
        ))}
      </div>
    </section>
  );
}
