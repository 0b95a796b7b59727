import { isStale, useNow, usePolled } from '../common/hooks';
import { categoryLabel, S } from '../i18n/strings';
import { districtName, fetchHotspots } from './wall-data';

/** The busiest townships of the last 24 h with their main contributing category. */
export function HotspotList() {
  const hotspots = usePolled(fetchHotspots, 60_000);
  const now = useNow(5000);
  const items = hotspots.data?.items ?? [];
  const max = Math.max(1, ...items.map((i) => i.events));
  return (
    <section className="panel hotspots" aria-label={S.hotspots}>
      <h2 className="panel__title">
        {S.hotspots}
        {isStale(hotspots, now) && <span className="panel__stale">⚠ {S.stale}</span>}
      </h2>
      <ol className="hotspots__list">
        {items.map((h, i) => (
          <li key={h.township} className="hotspot" data-testid="hotspot">
            <span className="hotspot__rank">{i + 1}</span>
            <span className="hotspot__name">
              {h.name ?? h.township}
              <small>{districtName(h.county)}</small>
            </span>
            <span className="hotspot__factor">
              {S.topCategory}: {categoryLabel(h.topCategory)}
            </span>
            <span className="hotspot__bar" style={{ width: `${(h.events / max) * 100}%` }} />
            <span className="hotspot__count">{h.events}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
