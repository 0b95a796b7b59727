import { useEffect, useMemo, useState } from 'react';
import { type RegionNode } from '@fengqiao/contracts';
import { townshipCells, type MultiPolygonRings, type TownshipSeat } from '@fengqiao/geo';
import { fetchRegions } from '../common/useRegionChildren';
import { countyGeoJson, type DistrictMap } from './district-map';

/**
 * A county zoomed in, with its townships' DERIVED areas (issue 21): Voronoi cells of the townships'
 * registered seats clipped to the county's real outline (libs/geo townshipCells), not surveyed
 * borders; the map says so (DERIVED_TOWNSHIP_NOTE).
 */
export interface TownshipAreas {
  /** One feature per township cell (`properties.derived`), then the county's outline drawn over them. */
  readonly geoJson: object;
  /** The county's feature name (drawn last as the outline: unfilled, unlabelled, silent). */
  readonly countyName: string;
  /** Township name → code, in code order, for labels and clicks. */
  readonly townships: ReadonlyMap<string, string>;
}

interface CountyFeature {
  readonly properties?: { readonly name?: string; readonly adcode?: string };
  readonly geometry?: { readonly coordinates?: MultiPolygonRings };
}

/** The county outline and its townships' derived cells as one FeatureCollection; null without either. */
export function townshipAreasOf(
  map: DistrictMap,
  county: string,
  seats: readonly RegionNode[],
): TownshipAreas | null {
  const outline = countyGeoJson(map, county) as { features: CountyFeature[] };
  const feature = outline.features[0];
  const shape = feature?.geometry?.coordinates;
  if (feature === undefined || shape === undefined || shape.length === 0) return null;
  const placed: TownshipSeat[] = seats.flatMap((s) =>
    s.level === 'township' && s.point !== null ? [{ code: s.code, name: s.name, seat: s.point }] : [],
  );
  if (placed.length === 0) return null;
  const cells = townshipCells(shape, placed).filter((c) => c.shape.length > 0);
  return {
    geoJson: {
      type: 'FeatureCollection',
      features: [
        ...cells.map((c) => ({
          type: 'Feature',
          properties: { name: c.name, adcode: c.code, derived: true },
          geometry: { type: 'MultiPolygon', coordinates: c.shape },
        })),
        feature,
      ],
    },
    countyName: feature.properties?.name ?? county,
    townships: new Map(cells.map((c) => [c.name, c.code])),
  };
}

/** The county's township areas once its townships have loaded; null at city level or on any failure. */
export function useTownshipAreas(map: DistrictMap, county: string): TownshipAreas | null {
  const [seats, setSeats] = useState<{ county: string; regions: readonly RegionNode[] } | null>(null);
  useEffect(() => {
    if (county === '') return undefined;
    const controller = new AbortController();
    fetchRegions(county, controller.signal)
      .then((regions) => setSeats({ county, regions }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [county]);
  return useMemo(() => {
    if (county === '' || seats === null || seats.county !== county) return null;
    try {
      return townshipAreasOf(map, county, seats.regions);
    } catch {
      // GEO_DUPLICATE_SEAT / GEO_CLIP_FAILED: the county is drawn without derived areas.
      return null;
    }
  }, [map, county, seats]);
}
