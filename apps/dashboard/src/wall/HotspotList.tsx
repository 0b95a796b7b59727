import { isStale, useNow } from '../common/hooks';
import { categoryLabel, S } from '../i18n/strings';
import { type HotspotBook } from '../live/hotspot-book';
import { districtName } from './wall-data';

/** Rows that fit the panel at both wall sizes. */
const MAX_ROWS = 5;
/** The live list is recomputed every few seconds; a minute without a delta or snapshot is still fine. */
const LIVE_STALE_MS = 5 * 60_000;

interface Props {
  readonly book: HotspotBook;
  readonly live: boolean;
  readonly rest: { fetchedAt: number | undefined; intervalMs: number };
}

/** The busiest townships of the last 24 h, their main category and how far above usual they are. */
export function HotspotList({ book, live, rest }: Props) {
  const now = useNow(5000);
  const items = book.items.slice(0, MAX_ROWS);
  const max = Math.max(1, ...items.map((i) => i.events));
  const stale = live
    ? book.asOf === undefined || now - Date.parse(book.asOf) > LIVE_STALE_MS
    : isStale(rest, now);
  return (
    <section
      className="panel hotspots"
      aria-label={S.hotspots}
      data-live={String(live)}
      data-version={book.version ?? ''}
    >
      <h2 className="panel__title">
        {S.hotspots}
        {stale && <span className="panel__stale">⚠ {S.stale}</span>}
      </h2>
      <ol className="hotspots__list">
        {items.map((h) => (
          <li
            key={h.township}
            className="hotspot"
            data-testid="hotspot"
            data-township={h.township}
            data-events={h.events}
          >
            <span className="hotspot__rank">{h.rank}</span>
            <span className="hotspot__name">
              {h.name ?? h.township}
              <small>{districtName(h.county)}</small>
            </span>
            <span className="hotspot__factor">
              {S.topCategory}: {categoryLabel(h.topCategory)}
              {h.expected > 0 && ` · ×${(h.events / h.expected).toFixed(1)}`}
            </span>
            <span className="hotspot__bar" style={{ width: `${(h.events / max) * 100}%` }} />
            <span className="hotspot__count">{h.events}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
