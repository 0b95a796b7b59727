import { readFileSync } from 'node:fs';
import { type FengqiaoConfig } from '@fengqiao/config';
import { cityExtentOf } from '@fengqiao/geo';
import { type ValidationRules } from './event-validator';
import { type InputLimits } from './input-limits';

/**
 * What every event is checked against, on both paths (consumer and HTTP intake): the size and time
 * window (config.tuning.ingest), the city (FQ_CITY_CODE) and its extent, from the outlines FQ_GEOJSON
 * names (read once at start; the built-in city's schematic without them).
 */
export function ingestRules(config: FengqiaoConfig): InputLimits & ValidationRules {
  const geojson =
    config.geojsonPath === undefined
      ? undefined
      : (JSON.parse(readFileSync(config.geojsonPath, 'utf8')) as unknown);
  const extent = cityExtentOf(geojson, config.city.code);
  return { ...config.tuning.ingest, city: config.city.code, ...(extent === undefined ? {} : { extent }) };
}
