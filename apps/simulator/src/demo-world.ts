import { readFileSync } from 'node:fs';
import { GeoError, buildDemoCity, DEFAULT_DEMO_SEED, parseCityDivisions, type DemoCity } from '@fengqiao/geo';

export interface DemoWorldOptions {
  readonly seed?: number;
  /** Cameras in the registry (must match what the seed CLI registered). */
  readonly registry?: number;
  readonly townships?: number;
  /** GeoJSON boundaries (config.geojsonPath); the schematic when undefined. */
  readonly geojsonPath?: string;
  /** The real divisions (config.city.divisionsPath, `npm run geodata`); generated when undefined. */
  readonly divisionsPath?: string;
}

export const DEFAULT_REGISTRY_SIZE = 31_000;

/**
 * The demo city every simulator CLI works on: rebuilt deterministically from the seed, so seed,
 * simulator and history agree on the same cameras and regions without sharing state.
 */
export function loadDemoWorld(options: DemoWorldOptions): DemoCity {
  const geojson = options.geojsonPath === undefined ? undefined : readJson(options.geojsonPath, 'FQ_GEOJSON');
  const divisions =
    options.divisionsPath === undefined
      ? undefined
      : parseCityDivisions(readJson(options.divisionsPath, 'FQ_CITY_DIVISIONS'));
  return buildDemoCity({
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    geojson,
    townships: options.townships,
    cameras: options.registry ?? DEFAULT_REGISTRY_SIZE,
    divisions,
  });
}

function readJson(path: string, setting: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new GeoError('GEO_BAD_GEOJSON', `cannot read ${setting}=${path}: ${reason}`);
  }
}
