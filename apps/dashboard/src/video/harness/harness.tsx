import { createRoot } from 'react-dom/client';
import { type PlayGrant, type RequestPlayGrant } from '../play-grant';
import { type TileState } from '../tile-state';
import { VideoTile } from '../VideoTile';
import { readTimecode } from './timecode';

/** What tests read back from the page. */
declare global {
  interface Window {
    fqTileStates: TileState[];
    fqLatencyMs: () => number | null;
  }
}

const q = new URLSearchParams(window.location.search);
const cameraId = q.get('camera') ?? '';
const grant: PlayGrant = {
  cameraId,
  name: q.get('name') ?? cameraId,
  county: cameraId.slice(0, 6),
  township: '',
  online: true,
  token: new URL(q.get('hls') ?? '', window.location.href).searchParams.get('token') ?? '',
  expiresAt: q.get('expires') ?? new Date(Date.now() + 600_000).toISOString(),
  hlsUrl: q.get('hls') ?? '',
  flvUrl: q.get('flv') ?? '',
  wsFlvUrl: '',
};
const requestGrant: RequestPlayGrant = () => Promise.resolve(grant);

window.fqTileStates = [];
window.fqLatencyMs = () => {
  const video = document.querySelector('video');
  return video === null ? null : readTimecode(video, Date.now());
};

const root = document.getElementById('root');
if (root !== null)
  createRoot(root).render(
    <VideoTile
      camera={{ cameraId, name: grant.name, county: grant.county }}
      regionName={q.get('region') ?? undefined}
      reason="patrol"
      mode={q.get('flv') === null ? 'hls' : 'flv'}
      requestGrant={requestGrant}
      onStateChange={(s) => {
        window.fqTileStates.push(s);
      }}
    />,
  );
