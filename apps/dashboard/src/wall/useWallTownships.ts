import { useMemo } from 'react';
import { usePolled } from '../common/hooks';
import { type DistrictMap } from '../geo/district-map';
import { useTownshipAreas } from '../geo/township-areas';
import { M } from '../i18n/strings';
import { townshipHeat, type WallTownships } from './county-map-option';
import { fetchDistrictHeat } from './wall-data';

/** The county's township areas for the wall map: the GeoJSON to register and what the builder draws. */
export interface WallTownshipMap {
  readonly maps: Readonly<Record<string, object>>;
  readonly townships: WallTownships;
  /** The county drawn alone: markers of other counties would float beside it, so they are left off. */
  readonly county: string;
}

/**
 * A county view's derived township areas (issue 21, as on the analysis map) shaded by their last 24 h
 * of events; undefined at city level or while they cannot be built (the map then keeps the city's
 * outlines, looking at the county).
 */
export function useWallTownships(map: DistrictMap, county: string | undefined): WallTownshipMap | undefined {
  const areas = useTownshipAreas(map, county ?? '');
  const drawn = areas === null ? '' : (county ?? '');
  const heat = usePolled(
    (signal) => (drawn === '' ? Promise.resolve(undefined) : fetchDistrictHeat(signal, drawn)),
    60_000,
    drawn,
  );
  return useMemo(() => {
    if (areas === null || drawn === '') return undefined;
    const mapName = `wall-county-${drawn}-townships`;
    return {
      maps: { [mapName]: areas.geoJson },
      county: drawn,
      townships: {
        mapName,
        countyName: areas.countyName,
        heat: townshipHeat(areas.townships, heat.data?.rows ?? []),
        note: M.derivedTownships,
      },
    };
  }, [areas, drawn, heat.data]);
}
