import { useMemo } from 'react';
import { buildOnlineShareOption } from '../charts/builders/online-share-option';
import { EChart, type ChartClick } from '../charts/EChart';
import { isStale, useNow, usePolled, useViewportScale } from '../common/hooks';
import { M, S } from '../i18n/strings';
import { districtName } from '../wall/wall-data';
import { fetchCameraStatus, fetchTownshipNames } from './camera-data';
import { worstFirst } from './camera-view';

interface Props {
  readonly county: string;
  readonly onCounty: (county: string) => void;
}

const noNames = (): Promise<Map<string, string>> => Promise.resolve(new Map<string, string>());

/** Online share per county (city view) or per township (a county chosen); a county bar drills in. */
export function CameraStatusPanel({ county, onCounty }: Props) {
  const scale = useViewportScale();
  const now = useNow(5000);
  const status = usePolled((signal) => fetchCameraStatus(county, signal), 30_000, county);
  const names = usePolled(
    (signal) => (county === '' ? noNames() : fetchTownshipNames(county, signal)),
    600_000,
    county,
  );
  const rows = useMemo(
    () =>
      worstFirst(status.data?.rows ?? []).map((r) => ({
        ...r,
        name: r.region.length === 6 ? districtName(r.region) : (names.data?.get(r.region) ?? r.region),
      })),
    [status.data, names.data],
  );
  const option = useMemo(() => buildOnlineShareOption(rows, scale), [rows, scale]);
  const total = rows.reduce((s, r) => s + r.total, 0);
  const online = rows.reduce((s, r) => s + r.online, 0);
  const onClick = (p: ChartClick): void => {
    const region = (p.data as { region?: string } | undefined)?.region;
    if (region !== undefined && region.length === 6) onCounty(region);
  };
  return (
    <section
      className="cameras__panel cameras__status-panel"
      aria-label={M.cameraStatus}
      data-testid="camera-status"
      data-level={status.data?.level ?? ''}
      data-total={status.data === undefined ? '' : total}
      data-online={status.data === undefined ? '' : online}
    >
      <h2>
        {county !== '' && (
          <button type="button" onClick={() => onCounty('')} data-testid="status-up">
            ← {S.back}
          </button>
        )}
        {M.cameraStatus} · {county === '' ? S.city : districtName(county)}
        <span className="cameras__total">
          {total === 0 ? '—' : `${((online / total) * 100).toFixed(1)}% · ${online}/${total}`}
        </span>
        {isStale(status, now) && <span className="panel__stale">⚠ {S.stale}</span>}
      </h2>
      <EChart className="cameras__chart" option={option} label={M.cameraStatus} onClick={onClick} />
    </section>
  );
}
