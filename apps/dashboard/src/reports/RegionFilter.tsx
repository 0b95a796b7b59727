import { deepestCode, REGION_LEVELS, regionDraftOf } from '../common/region-cascade';
import { RegionSelect } from '../common/RegionSelect';
import { useRegionLists } from '../common/useRegionChildren';
import { W } from '../i18n/strings';

/**
 * The list's region filter, picked through the same cascade as the request form: the lowest level
 * chosen is the filter (a county shows its townships' reports too), 全部 at a level widens it again.
 */
export function RegionFilter(props: {
  readonly region: string;
  readonly onChange: (region: string) => void;
}) {
  const draft = regionDraftOf(props.region);
  const lists = useRegionLists(draft);
  return (
    <>
      {REGION_LEVELS.map((level) => (
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
