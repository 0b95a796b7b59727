import { useMemo } from 'react';
import { type Alert } from '@fengqiao/contracts';
import { useRegionName } from '../common/useRegionName';
import { WL } from '../i18n/strings';
import { type DispatchNames } from './dispatch';

/** The names of the alert's township and county and of the "1+6+N" units, for its dispatches. */
export function useDispatchNames(alert: Alert): DispatchNames {
  const county = useRegionName(alert.region.county);
  const township = useRegionName(alert.region.township);
  return useMemo(() => {
    const places = new Map([[alert.region.county, county]]);
    if (alert.region.township !== undefined) places.set(alert.region.township, township);
    return { place: (code: string) => places.get(code), unit: WL.unit };
  }, [alert.region.county, alert.region.township, county, township]);
}
