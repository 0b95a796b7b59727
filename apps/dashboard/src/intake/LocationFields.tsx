import { useEffect, useState } from 'react';
import { type GeoPoint, type RegionNode } from '@fengqiao/contracts';
import {
  EMPTY_REGION,
  REGION_LEVELS,
  chooseRegion as choose,
  type CascadeLevel,
  type RegionDraft,
} from '../common/region-cascade';
import { RegionSelect } from '../common/RegionSelect';
import { useRegionLists } from '../common/useRegionChildren';
import { S, W } from '../i18n/strings';
import { errorId, Field } from './Field';
import { nearestCounty, nearestRegion } from './map-projection';
import { MiniMap } from './MiniMap';

interface Props {
  readonly region: RegionDraft;
  readonly location: GeoPoint | null;
  readonly error: string | undefined;
  readonly onChange: (region: RegionDraft, location: GeoPoint | null) => void;
}

/** One level's select in the intake's labelled field; the county field carries the location's problem. */
function LevelField(props: {
  level: CascadeLevel;
  items: readonly RegionNode[];
  region: RegionDraft;
  error: string | undefined;
  onChange: (r: RegionDraft) => void;
}) {
  const { level, error } = props;
  const top = level === 'county';
  const marked = (top || level === 'township') && error !== undefined;
  return (
    <Field label={W[level]} name={top ? 'region' : `region.${level}`} error={top ? error : undefined}>
      <RegionSelect
        level={level}
        items={props.items}
        region={props.region}
        onChange={props.onChange}
        invalid={marked}
        describedBy={marked ? errorId('region') : undefined}
      />
    </Field>
  );
}

/** County → township → village → grid cell from cascading lists fed by the API, and/or a map point. */
export function LocationFields({ region, location, error, onChange }: Props) {
  const lists = useRegionLists(region);
  // A map point waits here while the townships of the county it chose are loading.
  const [pending, setPending] = useState<GeoPoint | null>(null);
  const townships = lists.township;
  useEffect(() => {
    if (pending === null || townships.length === 0) return;
    const near = nearestRegion(townships, pending);
    setPending(null);
    if (near !== null && near !== region.township) onChange(choose(region, 'township', near), pending);
  }, [pending, townships]);
  // A map point chooses the county under it (if none yet) and then the township nearest to it.
  const pick = (p: GeoPoint): void => {
    const county = region.county === '' ? nearestCounty(p) : region.county;
    onChange(county === region.county ? region : choose(EMPTY_REGION, 'county', county), p);
    setPending(p);
  };
  return (
    <fieldset className="intake-location">
      <legend>{S.location}</legend>
      <div className="intake-location__codes">
        {REGION_LEVELS.map((level) => (
          <LevelField
            key={level}
            level={level}
            items={lists[level]}
            region={region}
            error={error}
            onChange={(r) => onChange(r, location)}
          />
        ))}
      </div>
      <MiniMap point={location} county={region.county} onPick={pick} />
    </fieldset>
  );
}
