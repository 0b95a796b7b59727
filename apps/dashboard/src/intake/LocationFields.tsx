import { BAZHONG_DISTRICTS, type GeoPoint } from '@fengqiao/contracts';
import { S, W } from '../i18n/strings';
import { Field, invalid } from './Field';
import { type RegionDraft } from './intake-form';
import { nearestCounty } from './map-projection';
import { MiniMap } from './MiniMap';

interface Props {
  readonly region: RegionDraft;
  readonly location: GeoPoint | null;
  readonly error: string | undefined;
  readonly onChange: (region: RegionDraft, location: GeoPoint | null) => void;
}

type Level = 'township' | 'village' | 'grid';
const PARENT: Record<Level, keyof RegionDraft> = { township: 'county', village: 'township', grid: 'village' };

/** Each level below the county is its parent's code plus three digits: the clerk types only those. */
function Suffix(props: {
  level: Level;
  region: RegionDraft;
  error: string | undefined;
  onChange: (r: RegionDraft) => void;
}) {
  const { level, region } = props;
  const parent = region[PARENT[level]];
  const own = region[level];
  const digits = own.startsWith(parent) ? own.slice(parent.length) : '';
  const set = (v: string): void => {
    const d = v.replace(/\D/g, '').slice(0, 3);
    const code = d === '' ? '' : parent + d;
    // A changed level clears the ones below it: a village of another township is no village here.
    const below: Partial<RegionDraft> =
      level === 'township' ? { village: '', grid: '' } : level === 'village' ? { grid: '' } : {};
    props.onChange({ ...region, ...below, [level]: code });
  };
  return (
    <Field label={W[level]} name={`region.${level}`}>
      <span className="intake-code">
        <span className="intake-code__prefix">{parent === '' ? '—' : parent}</span>
        <input
          name={`region-${level}`}
          value={digits}
          inputMode="numeric"
          maxLength={3}
          placeholder="001"
          disabled={parent === '' || (level !== 'township' && parent.length < 9)}
          onChange={(e) => set(e.target.value)}
          {...(level === 'township' ? invalid('region', props.error) : {})}
        />
      </span>
    </Field>
  );
}

/** County from the list, township → village → grid cell by code, and/or a point on the map. */
export function LocationFields({ region, location, error, onChange }: Props) {
  const pick = (p: GeoPoint): void => {
    const county = region.county === '' ? nearestCounty(p) : region.county;
    onChange(county === region.county ? region : { county, township: '', village: '', grid: '' }, p);
  };
  return (
    <fieldset className="intake-location">
      <legend>{S.location}</legend>
      <div className="intake-location__codes">
        <Field label={W.county} name="region" error={error}>
          <select
            name="region-county"
            value={region.county}
            onChange={(e) =>
              onChange({ county: e.target.value, township: '', village: '', grid: '' }, location)
            }
            {...invalid('region', error)}
          >
            <option value="">{W.choose}</option>
            {BAZHONG_DISTRICTS.map((d) => (
              <option key={d.code} value={d.code}>{`${d.name} ${d.code}`}</option>
            ))}
          </select>
        </Field>
        {(['township', 'village', 'grid'] as const).map((level) => (
          <Suffix
            key={level}
            level={level}
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
