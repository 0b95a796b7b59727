import { SITE_TYPE_LABELS, type SiteTypeRow } from '@fengqiao/contracts';
import { call } from '../api/call';
import { usePolled } from '../common/hooks';
import { percent } from './kpi-view';
import './site-types.css';

/** The registry and camera states change slowly at this grain: a minute keeps the tile fresh enough. */
const SITE_TYPES_MS = 60_000;

/** Below this share online the figure turns amber, then red (the wall's camera tile uses the same feel). */
const WARN_BELOW = 0.95;
const ALARM_BELOW = 0.85;

function tone(rate: number | null): string {
  if (rate === null) return 'site-type__rate--none';
  if (rate < ALARM_BELOW) return 'site-type__rate--alarm';
  return rate < WARN_BELOW ? 'site-type__rate--warn' : '';
}

function Cell({ row }: { readonly row: SiteTypeRow }) {
  return (
    <li className="site-type" data-site-type={row.siteType}>
      <span className="site-type__name">{SITE_TYPE_LABELS[row.siteType]}</span>
      <span className={`site-type__rate ${tone(row.onlineRate)}`}>{percent(row.onlineRate)}</span>
      <span className="site-type__note">
        {row.total.toLocaleString('en-US')}路 · 覆盖{percent(row.coverage)}
      </span>
    </li>
  );
}

/**
 * Camera online rate per site type (key industry, square, station, school, smart community, road:
 * the video network domain.md describes), with the count and the share of townships covered; big
 * figures for the far end of the room.
 */
export function SiteTypePanel({ region }: { readonly region?: string }) {
  const { data } = usePolled(
    (signal) => call('cameras.siteTypes', { query: region === undefined ? {} : { region } }, signal),
    SITE_TYPES_MS,
    region ?? '',
  );
  return (
    <section className="panel site-types" data-testid="site-types" aria-label="分场所视频在线率">
      <h2 className="panel__title">分场所视频在线率</h2>
      {data === undefined ? (
        <p className="site-types__empty">—</p>
      ) : (
        <ul className="site-types__grid">
          {data.rows.map((r) => (
            <Cell key={r.siteType} row={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
