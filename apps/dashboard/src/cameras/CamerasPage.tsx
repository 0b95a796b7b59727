import { useState } from 'react';
import { type CameraSummary } from '@fengqiao/contracts';
import { navigate } from '../app/router';
import { currentLang, M, S } from '../i18n/strings';
import { CameraLivePanel } from './CameraLivePanel';
import { CameraSearchPanel } from './CameraSearchPanel';
import { CameraStatusPanel } from './CameraStatusPanel';
import { camerasViewToSearch, parseCamerasView, type CamerasView } from './camera-view';
import './cameras.css';

const lang = currentLang(window.location.search);

/** Registry search, online share by region, and a live view of one camera; the URL holds the view. */
export function CamerasPage({ search }: { readonly search: string }) {
  const view = parseCamerasView(search);
  const [picked, setPicked] = useState<CameraSummary | null>(null);
  const go = (next: CamerasView): void =>
    navigate(`/cameras${camerasViewToSearch(next, lang === 'en' ? 'en' : undefined)}`);
  const pick = (c: CameraSummary): void => {
    setPicked(c);
    go({ ...view, camera: c.cameraId });
  };
  return (
    <div className="cameras" data-testid="cameras">
      <header className="cameras__header">
        <h1>{M.camerasTitle}</h1>
        <nav>
          <a href="/wall">{S.navWall}</a> <a href="/duty">{S.navDuty}</a>{' '}
          <a href="/analysis">{S.navAnalysis}</a>
        </nav>
      </header>
      <CameraSearchPanel view={view} onChange={go} onPick={pick} />
      <CameraLivePanel cameraId={view.camera} picked={picked} />
      <CameraStatusPanel county={view.county} onCounty={(county) => go({ ...view, county })} />
    </div>
  );
}
