import { useEffect, useState } from 'react';
import { currentLang } from '../i18n/strings';
import { type PlayGrant } from './play-grant';
import { latestSnapshotUrl } from './snapshot-url';

/** How often a tile looks for a newer snapshot: analytics events come minutes apart per camera. */
const REFRESH_MS = 30_000;
const LABEL = currentLang(window.location.search) === 'en' ? 'latest snapshot' : '最新抓拍';

/**
 * A tile's corner: the newest snapshot the camera's analytics stored, read with the tile's own play
 * grant; nothing at all while the camera has none (the gateway answers 404 SNAPSHOT_NOT_FOUND).
 */
export function LatestSnapshot({ grant }: { readonly grant: PlayGrant }) {
  const [bust, setBust] = useState(() => Math.floor(Date.now() / REFRESH_MS));
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const timer = window.setInterval(() => setBust(Math.floor(Date.now() / REFRESH_MS)), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <figure
      className="fq-video-tile__snapshot"
      data-testid="tile-snapshot"
      data-state={loaded ? 'shown' : 'none'}
      hidden={!loaded}
    >
      <img
        src={latestSnapshotUrl(grant, bust)}
        alt={LABEL}
        decoding="async"
        onLoad={() => setLoaded(true)}
        onError={() => setLoaded(false)}
      />
      <figcaption>{LABEL}</figcaption>
    </figure>
  );
}
