export type GeoErrorCode =
  | 'GEO_BAD_GEOJSON'
  | 'GEO_MISSING_DISTRICT'
  | 'GEO_EMPTY_SHAPE'
  | 'GEO_BAD_DIVISIONS'
  | 'GEO_DUPLICATE_SEAT'
  | 'GEO_CLIP_FAILED';

/** A failure of the geo generators, with a code callers can map (config error, test failure). */
export class GeoError extends Error {
  constructor(
    readonly code: GeoErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'GeoError';
  }
}
