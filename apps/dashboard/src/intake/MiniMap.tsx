import { type KeyboardEvent, type MouseEvent } from 'react';
import { type GeoPoint } from '@fengqiao/contracts';
import { useDistrictMap } from '../geo/useDistrictMap';
import { W } from '../i18n/strings';
import { fromSvg, nudge, toSvg, MAP_H, MAP_W } from './map-projection';

interface Props {
  readonly point: GeoPoint | null;
  readonly county: string;
  readonly onPick: (p: GeoPoint) => void;
}

/**
 * A small schematic of the city (its extent and the five district seats) to pick where a dispute
 * happened. Focusable: the arrow keys move the point, so the keyboard alone can place it.
 */
export function MiniMap({ point, county, onPick }: Props) {
  const { districts } = useDistrictMap();
  const click = (e: MouseEvent<SVGSVGElement>): void => {
    const box = e.currentTarget.getBoundingClientRect();
    onPick(
      fromSvg(((e.clientX - box.left) / box.width) * MAP_W, ((e.clientY - box.top) / box.height) * MAP_H),
    );
  };
  const key = (e: KeyboardEvent<SVGSVGElement>): void => {
    const next = nudge(point, county, e.key, e.shiftKey);
    if (next === null) return;
    e.preventDefault();
    onPick(next);
  };
  const dot = point === null ? null : toSvg(point);
  return (
    <figure className="intake-map">
      <svg
        viewBox={`0 0 ${MAP_W} ${MAP_H}`}
        role="application"
        aria-label={W.pickOnMap}
        tabIndex={0}
        onClick={click}
        onKeyDown={key}
        data-testid="intake-map"
      >
        <rect x={0} y={0} width={MAP_W} height={MAP_H} className="intake-map__bg" />
        {districts.map((d) => {
          const s = toSvg(d.seat);
          return (
            <g
              key={d.code}
              className={d.code === county ? 'intake-map__seat intake-map__seat--on' : 'intake-map__seat'}
            >
              <circle cx={s.x} cy={s.y} r={5} />
              <text x={s.x + 7} y={s.y + 4}>
                {d.name}
              </text>
            </g>
          );
        })}
        {dot !== null && <circle cx={dot.x} cy={dot.y} r={6} className="intake-map__point" />}
      </svg>
      <figcaption className="muted">
        {point === null ? W.pickOnMap : W.pointChosen(point.lon.toFixed(3), point.lat.toFixed(3))}
      </figcaption>
    </figure>
  );
}
