export { Prng, apportion, hashLabel, hashUnit } from './prng';
export {
  KM_PER_DEG_LAT,
  KM_PER_DEG_LON,
  areaKm2,
  bboxOf,
  distanceKm,
  pointInMultiPolygon,
  pointInPolygon,
  pointInRing,
  pointNear,
  randomPointIn,
  roundPoint,
  type BBox,
  type MultiPolygonRings,
  type PolygonRings,
  type Ring,
} from './polygon';
export { BUILT_IN_CITY, BUILT_IN_DISTRICTS, cityNameOf } from './built-in-city';
export {
  districtShapesFromGeoJson,
  districtsFromGeoJson,
  schematicDistrictShapes,
  shapeAreas,
  type DistrictShapes,
} from './boundaries';
export {
  DISTRICT_POPULATION,
  allRegions,
  districtPopulation,
  ancestry,
  type CityHierarchy,
  type Region,
  type RegionLevel,
  type TownshipKind,
} from './regions';
export { generateHierarchy, townshipCounts, type HierarchyOptions } from './hierarchy';
export {
  INDUSTRY_CODE,
  generateCameraRegistry,
  type CameraRegistryOptions,
  type CameraSpec,
} from './cameras';
export { DEFAULT_DEMO_SEED, buildDemoCity, type DemoCity, type DemoCityOptions } from './demo-city';
export { GeoError, type GeoErrorCode } from './geo-error';
export {
  cityDivisionsSchema,
  parseCityDivisions,
  shortVillageName,
  townshipKindOf,
  villageIsUrban,
  type CityDivisions,
} from './divisions';
export { DERIVED_TOWNSHIP_NOTE, townshipCells, type TownshipCell, type TownshipSeat } from './township-cells';
export { CITY_EXTENT_MARGIN_KM, cityExtentOf } from './city-extent';
