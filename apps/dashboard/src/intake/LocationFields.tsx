import { type KeyboardEvent, useEffect, useState } from 'react';
import { type GeoPoint, type RegionNode } from '@fengqiao/contracts';
import { S, W } from '../i18n/strings';
import { Field, invalid } from './Field';
import { EMPTY_REGION, REGION_LEVELS, chooseRegion as choose, type RegionDraft } from './intake-form';
import { nearestCounty, nearestRegion } from './map-projection';
import { MiniMap } from './MiniMap';
import { useRegionChildren } from './useRegions';

interface Props {
  readonly region: RegionDraft;
  readonly location: GeoPoint | null;
  readonly error: string | undefined;
  readonly onChange: (region: RegionDraft, location: GeoPoint | null) => void;
}

type Level = keyof RegionDraft;

/** A select does not submit its form on Enter by itself; the intake form promises Enter submits. */
const enterSubmits = (e: KeyboardEvent<HTMLSelectElement>): void => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  e.currentTarget.form?.requestSubmit();
};

function LevelSelect(props: {
  level: Level;
  items: readonly RegionNode[];
  enabled: boolean;
  region: RegionDraft;
  error: string | undefined;
  onChange: (r: RegionDraft) => void;
}) {
  const { level, items, region } = props;
  const value = region[level];
  // The chosen code stays selectable while its list loads, so the draft never points at nothing.
  const options: readonly Pick<RegionNode, 'code' | 'name'>[] =
    value !== '' && !items.some((r) => r.code === value) ? [{ code: value, name: value }, ...items] : items;
  const top = level === 'county';
  return (
    <Field label={W[level]} name={top ? 'region' : `region.${level}`} error={top ? props.error : undefined}>
      <select
        name={`region-${level}`}
        value={value}
        disabled={!props.enabled}
        onChange={(e) => props.onChange(choose(region, level, e.target.value))}
        onKeyDown={enterSubmits}
        {...(top || level === 'township' ? invalid('region', props.error) : {})}
      >
        <option value="">{W.choose}</option>
        {options.map((r) => (
          <option key={r.code} value={r.code}>{`${r.name} ${r.code}`}</option>
        ))}
      </select>
    </Field>
  );
}

/** County → township → village → grid cell from cascading lists fed by the API, and/or a map point. */
export function LocationFields({ region, location, error, onChange }: Props) {
  const lists: Record<Level, readonly RegionNode[]> = {
    county: useRegionChildren('', true),
    township: useRegionChildren(region.county, region.county !== ''),
    village: useRegionChildren(region.township, region.township !== ''),
    grid: useRegionChildren(region.village, region.village !== ''),
  };
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
        {REGION_LEVELS.map((level, i) => (
          <LevelSelect
            key={level}
            level={level}
            items={lists[level]}
            enabled={i === 0 || region[REGION_LEVELS[i - 1] ?? 'county'] !== ''}
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
