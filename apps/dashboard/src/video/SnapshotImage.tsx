import { useEffect, useState } from 'react';
import { currentLang } from '../i18n/strings';
import { requestPlayGrant, type RequestPlayGrant, type WatchReason } from './play-grant';
import { snapshotGrant } from './snapshot-grants';
import { snapshotUrl } from './snapshot-url';
import './video.css';

const LABEL =
  currentLang(window.location.search) === 'en'
    ? { alt: 'snapshot', failed: 'snapshot unavailable' }
    : { alt: '抓拍', failed: '抓拍不可用' };

type Shown = 'loading' | 'shown' | 'failed';

/**
 * One analytics snapshot, read from the media gateway with a play grant of its camera (decision
 * 0020); a reference that is not one, a refused grant or a missing picture shows a plain fallback.
 */
export function SnapshotImage({
  cameraId,
  snapshotRef,
  why,
  requestGrant = requestPlayGrant,
  className,
}: {
  readonly cameraId: string;
  readonly snapshotRef: string;
  readonly why: WatchReason;
  readonly requestGrant?: RequestPlayGrant;
  readonly className?: string;
}) {
  const [src, setSrc] = useState<string | undefined>(undefined);
  const [shown, setShown] = useState<Shown>('loading');
  const whyKey = why.reason === 'alert' ? why.alertId : 'patrol';
  useEffect(() => {
    let live = true;
    setShown('loading');
    snapshotGrant(cameraId, why, requestGrant).then(
      (grant) => {
        if (!live) return;
        const url = snapshotUrl(grant, snapshotRef);
        if (url === undefined) setShown('failed');
        setSrc(url);
      },
      () => live && setShown('failed'),
    );
    return () => {
      live = false;
    };
    // `why` is a fresh object each render; its key says whether it changed.
  }, [cameraId, snapshotRef, whyKey, requestGrant]);
  return (
    <figure
      className={`fq-snapshot fq-snapshot--${shown} ${className ?? ''}`}
      data-testid="snapshot"
      data-state={shown}
      title={snapshotRef}
    >
      {src !== undefined && shown !== 'failed' && (
        <img
          src={src}
          alt={LABEL.alt}
          decoding="async"
          onLoad={() => setShown('shown')}
          onError={() => setShown('failed')}
        />
      )}
      {shown === 'failed' && <figcaption className="fq-snapshot__fallback">{LABEL.failed}</figcaption>}
    </figure>
  );
}
