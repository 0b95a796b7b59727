import { isStale, useNow } from '../common/hooks';
import { categoryLabel, S } from '../i18n/strings';
import { factorTexts, type HotspotBook } from '../live/hotspot-book';
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

/**
 * The top townships: as the engine ranks them (score, with the factors that raised it, in plain
 * Chinese), or, before it has scored, the busiest of the last 24 h with their main category.
 */
export function HotspotList({ book, live, rest }: Props) {
  const now = useNow(5000);
  const items = book.items.slice(0, MAX_ROWS);
  // The engine's score when it ranked the list (a quiet-but-unusual place has few events).
  const weight = (h: (typeof items)[number]): number => h.score ?? h.events;
  const max = Math.max(1e-9, ...items.map(weight));
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
            data-score={h.score ?? ''}
          >
            <span className="hotspot__rank">{h.rank}</span>
            <span className="hotspot__name">
              {h.name ?? h.township}
              <small>{districtName(h.county)}</small>
            </span>
            <HotspotWhy hotspot={h} />
            <span className="hotspot__bar" style={{ width: `${(weight(h) / max) * 100}%` }} />
            <span className="hotspot__count">{h.events}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Why this place is hot: the engine's factors when it scored, else the main category and its ratio. */
function HotspotWhy({ hotspot: h }: { hotspot: HotspotBook['items'][number] }) {
  const factors = factorTexts(h);
  if (factors.length > 0)
    return (
      <span className="hotspot__factor" data-testid="hotspot-factors">
        {factors.join(' · ')}
      </span>
    );
  return (
    <span className="hotspot__factor">
      {S.topCategory}: {categoryLabel(h.topCategory)}
      {h.expected > 0 && ` · ×${(h.events / h.expected).toFixed(1)}`}
    </span>
  );
}
