import { createRoot } from 'react-dom/client';
import { type PlayGrant } from '../play-grant';
import { VideoTile } from '../VideoTile';

/** `?media=<gateway origin>&tiles=<id>:<token>,…` — a tile wall for soak benchmarks. */
const q = new URLSearchParams(window.location.search);
const media = q.get('media') ?? '';
const tiles = (q.get('tiles') ?? '')
  .split(',')
  .filter((t) => t !== '')
  .map((t) => {
    const [cameraId = '', token = ''] = t.split(':');
    return { cameraId, token };
  });

function grantOf(cameraId: string, token: string): PlayGrant {
  const t = encodeURIComponent(token);
  return {
    cameraId,
    name: cameraId,
    county: cameraId.slice(0, 6),
    township: '',
    online: true,
    token,
    expiresAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    hlsUrl: `${media}/hls/${cameraId}/index.m3u8?token=${t}`,
    flvUrl: `${media}/flv/${cameraId}.flv?token=${t}`,
    wsFlvUrl: '',
  };
}

const root = document.getElementById('root');
if (root !== null)
  createRoot(root).render(
    <>
      {tiles.map(({ cameraId, token }) => (
        <VideoTile
          key={cameraId}
          camera={{ cameraId, name: cameraId, county: cameraId.slice(0, 6) }}
          reason="patrol"
          mode="hls"
          requestGrant={() => Promise.resolve(grantOf(cameraId, token))}
        />
      ))}
    </>,
  );
