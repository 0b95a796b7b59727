import { S } from '../i18n/strings';
import { regionName } from './region-names';
import { ancestry, drillUp, levelOf, type AnalysisView } from './view-state';

interface Props {
  readonly view: AnalysisView;
  readonly go: (v: AnalysisView) => void;
}

/** City › county › township › grid cell: every level above the current one is a link back up. */
export function RegionCrumbs({ view, go }: Props) {
  const path = ancestry(view.region);
  return (
    <nav className="analysis__crumbs" aria-label="region" data-level={levelOf(view.region)}>
      {view.region !== '' && (
        <button type="button" onClick={() => go(drillUp(view))} data-testid="drill-up">
          ← {S.back}
        </button>
      )}
      {path.slice(0, -1).map((code) => (
        <span key={code === '' ? 'city' : code}>
          <button
            type="button"
            className="analysis__crumb"
            data-testid={`crumb-${levelOf(code)}`}
            onClick={() => go({ ...view, region: code })}
          >
            {regionName(code)}
          </button>
          {' › '}
        </span>
      ))}
      <strong data-testid="region-name">{regionName(view.region)}</strong>
    </nav>
  );
}
