import { readFileSync } from 'node:fs';
import { buildDemoCity, DEFAULT_DEMO_SEED, type DemoCity } from '@fengqiao/geo';

export interface DemoWorldOptions {
  readonly seed?: number;
  /** Cameras in the registry (must match what the seed CLI registered). */
  readonly registry?: number;
  readonly townships?: number;
  /** GeoJSON boundaries (config.geojsonPath); the schematic when undefined. */
  readonly geojsonPath?: string;
}

export const DEFAULT_REGISTRY_SIZE = 31_000;

/**
 * The demo city every simulator CLI works on: rebuilt deterministically from the seed, so seed,
 * simulator and history agree on the same cameras and regions without sharing state.
 */
export function loadDemoWorld(options: DemoWorldOptions): DemoCity {
  const geojson: unknown =
    options.geojsonPath === undefined ? undefined : JSON.parse(readFileSync(options.geojsonPath, 'utf8'));
  return buildDemoCity({
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    geojson,
    townships: options.townships,
    cameras: options.registry ?? DEFAULT_REGISTRY_SIZE,
  });
}
