import { type CascadeLevel, deepestCode, REGION_LEVELS, regionDraftOf } from './region-cascade';
import { RegionSelect } from './RegionSelect';
import { useRegionLists } from './useRegionChildren';
import { W } from '../i18n/strings';

/**
 * A list's region filter, picked through the same cascade as the forms: the lowest level chosen is
 * the filter (a county shows its townships' rows too), 全部 at a level widens it again. `levels`:
 * the levels the list's API filters on (the cases list: county and township).
 */
export function RegionFilter(props: {
  readonly region: string;
  readonly onChange: (region: string) => void;
  readonly levels?: readonly CascadeLevel[];
}) {
  const draft = regionDraftOf(props.region);
  const lists = useRegionLists(draft);
  return (
    <>
      {(props.levels ?? REGION_LEVELS).map((level) => (
        <label key={level}>
          {W[level]}
          <RegionSelect
            level={level}
            items={lists[level]}
            region={draft}
            onChange={(r) => props.onChange(deepestCode(r))}
            namePrefix="f-region"
            emptyLabel={W.all}
          />
        </label>
      ))}
    </>
  );
}
