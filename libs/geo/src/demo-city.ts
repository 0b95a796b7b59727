import { type District } from '@fengqiao/contracts';
import {
  districtShapesFromGeoJson,
  districtsFromGeoJson,
  schematicDistrictShapes,
  type DistrictShapes,
} from './boundaries';
import { BUILT_IN_DISTRICTS } from './built-in-city';
import { generateCameraRegistry, type CameraSpec } from './cameras';
import { type CityDivisions } from './divisions';
import { generateHierarchy } from './hierarchy';
import { type CityHierarchy } from './regions';

/** The seed the demo uses unless told otherwise (Bazhong's city code, for want of a better number). */
export const DEFAULT_DEMO_SEED = 511900;

export interface DemoCityOptions {
  readonly seed?: number;
  /** A parsed GeoJSON FeatureCollection of the districts; the schematic is used when absent. */
  readonly geojson?: unknown;
  readonly townships?: number;
  readonly cameras?: number;
  /** The real townships and villages (tools/geodata); generated names and codes when absent. */
  readonly divisions?: CityDivisions;
}

export interface DemoCity {
  readonly districts: readonly District[];
  readonly shapes: DistrictShapes;
  readonly hierarchy: CityHierarchy;
  readonly cameras: readonly CameraSpec[];
}

/** The whole demo city from one seed: boundaries, administrative hierarchy and camera registry. */
export function buildDemoCity(options: DemoCityOptions = {}): DemoCity {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const districts =
    options.geojson === undefined ? BUILT_IN_DISTRICTS : districtsFromGeoJson(options.geojson);
  const shapes =
    options.geojson === undefined
      ? schematicDistrictShapes()
      : districtShapesFromGeoJson(options.geojson, districts);
  const hierarchy = generateHierarchy({
    seed,
    shapes,
    districts,
    townships: options.townships,
    divisions: options.divisions,
  });
  const cameras = generateCameraRegistry({ seed, hierarchy, shapes, total: options.cameras });
  return { districts, shapes, hierarchy, cameras };
}
