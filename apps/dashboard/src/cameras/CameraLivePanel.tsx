import { useEffect, useState } from 'react';
import { type CameraSummary } from '@fengqiao/contracts';
import { M } from '../i18n/strings';
import { VideoTile } from '../video';
import { districtName } from '../wall/wall-data';
import { fetchCamera } from './camera-data';

interface Props {
  readonly cameraId: string;
  /** The row the user clicked, when the search page holds it (saves a lookup). */
  readonly picked: CameraSummary | null;
}

/** The selected camera through the shared player; a play grant is asked for (and audited) as patrol. */
export function CameraLivePanel({ cameraId, picked }: Props) {
  const [camera, setCamera] = useState<CameraSummary | null>(picked);
  useEffect(() => {
    if (cameraId === '') return setCamera(null);
    if (picked?.cameraId === cameraId) return setCamera(picked);
    const controller = new AbortController();
    fetchCamera(cameraId, controller.signal)
      .then(setCamera)
      .catch(() => undefined);
    return () => controller.abort();
  }, [cameraId, picked]);
  return (
    <section className="cameras__panel cameras__live" aria-label={M.liveView} data-testid="camera-live">
      <h2>
        {M.liveView}
        {camera !== null && <span className="cameras__id">{camera.cameraId}</span>}
      </h2>
      {camera === null ? (
        <p className="cameras__empty">{M.selectCamera}</p>
      ) : (
        // Keyed by camera: switching cameras destroys the old hls.js instance before the next starts.
        <VideoTile
          key={camera.cameraId}
          camera={camera}
          regionName={districtName(camera.county)}
          reason="patrol"
          className="cameras__tile"
        />
      )}
    </section>
  );
}
