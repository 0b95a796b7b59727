import { useEffect, useState, type FormEvent } from 'react';
import {
  STREAM_STATES,
  type CameraSearchResponse,
  type CameraSummary,
  type StreamState,
} from '@fengqiao/contracts';
import { M } from '../i18n/strings';
import { useDistrictMap } from '../geo/useDistrictMap';
import { districtName } from '../wall/wall-data';
import { fetchCameraPage } from './camera-data';
import { healthBadge } from './health-badge';
import { type CamerasView } from './camera-view';

interface Props {
  readonly view: CamerasView;
  readonly onChange: (v: CamerasView) => void;
  readonly onPick: (c: CameraSummary) => void;
}

const STREAM_LABEL: Readonly<Record<StreamState, string>> = {
  streaming: M.streaming,
  online: M.online,
  offline: M.offline,
  unknown: M.neverSeen,
};

/** The prober's verdict beside the stream state, when the picture is at fault (视频质量诊断). */
function HealthBadge({ camera }: { readonly camera: CameraSummary }) {
  const badge = healthBadge(camera.health, camera.online);
  if (badge === undefined) return null;
  return (
    <span
      className={`cameras__health cameras__health--${badge.verdict}`}
      title={badge.title}
      data-testid="camera-health"
      data-verdict={badge.verdict}
    >
      {badge.label}
    </span>
  );
}

/** The search form; a submit becomes a new URL (so the search is shareable). */
function SearchForm({ view, onChange }: Omit<Props, 'onPick'>) {
  const { districts } = useDistrictMap();
  const [q, setQ] = useState(view.q);
  useEffect(() => setQ(view.q), [view.q]);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onChange({ ...view, q: q.trim() });
  };
  return (
    <form className="cameras__form" onSubmit={submit} role="search">
      <input
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={M.searchCameras}
        aria-label={M.searchCameras}
        maxLength={60}
        data-testid="camera-q"
      />
      <select
        value={view.county}
        onChange={(e) => onChange({ ...view, county: e.target.value })}
        aria-label={M.allCounties}
        data-testid="camera-county"
      >
        <option value="">{M.allCounties}</option>
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
      <select
        value={view.online}
        onChange={(e) => onChange({ ...view, online: e.target.value as CamerasView['online'] })}
        aria-label={M.anyStatus}
        data-testid="camera-online"
      >
        <option value="">{M.anyStatus}</option>
        <option value="true">{M.online}</option>
        <option value="false">{M.offline}</option>
      </select>
      <select
        value={view.stream}
        onChange={(e) => onChange({ ...view, stream: e.target.value as CamerasView['stream'] })}
        aria-label={M.liveView}
        data-testid="camera-stream"
      >
        <option value="">{`${M.liveView} · ${M.anyStatus}`}</option>
        {STREAM_STATES.map((s) => (
          <option key={s} value={s}>
            {STREAM_LABEL[s]}
          </option>
        ))}
      </select>
      <button type="submit">{M.search}</button>
    </form>
  );
}

/** Registry search (GET /api/cameras) with keyset paging; a row click opens the live view. */
export function CameraSearchPanel({ view, onChange, onPick }: Props) {
  const [pages, setPages] = useState<readonly (string | undefined)[]>([undefined]);
  const [page, setPage] = useState<CameraSearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const after = pages[pages.length - 1];
  useEffect(() => setPages([undefined]), [view.q, view.county, view.online, view.stream]);
  useEffect(() => {
    const controller = new AbortController();
    fetchCameraPage(view, after, controller.signal)
      .then((p) => {
        setPage(p);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [view.q, view.county, view.online, view.stream, after]);
  const items = page?.items ?? [];
  return (
    <section className="cameras__panel cameras__search" aria-label={M.searchCameras}>
      <SearchForm view={view} onChange={onChange} />
      {error !== null && <p role="alert">{error}</p>}
      <table className="cameras__table" data-testid="camera-results">
        <thead>
          <tr>
            <th>{M.cameraName}</th>
            <th>{M.cameraId}</th>
            <th>{M.siteType}</th>
            <th>{M.status}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr
              key={c.cameraId}
              onClick={() => onPick(c)}
              aria-selected={c.cameraId === view.camera}
              data-testid="camera-row"
              data-camera-id={c.cameraId}
              data-online={String(c.online)}
              data-stream-state={c.streamState}
            >
              <td>
                {c.name}
                <small>{districtName(c.county)}</small>
              </td>
              <td className="cameras__id">{c.cameraId}</td>
              <td>{c.siteType}</td>
              <td
                className={`cameras__status cameras__status--${String(c.online)} cameras__status--${c.streamState}`}
              >
                {STREAM_LABEL[c.streamState]}
                <HealthBadge camera={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page !== null && items.length === 0 && <p className="cameras__empty">{M.noCameras}</p>}
      <div className="cameras__pager">
        <button type="button" disabled={pages.length === 1} onClick={() => setPages([undefined])}>
          {M.firstPage}
        </button>
        <button
          type="button"
          disabled={page?.nextAfter == null}
          onClick={() => page?.nextAfter != null && setPages([...pages, page.nextAfter])}
          data-testid="camera-next"
        >
          {M.nextPage}
        </button>
      </div>
    </section>
  );
}
