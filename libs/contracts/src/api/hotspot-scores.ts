import { z } from 'zod';
import { instantSchema } from '../ids';
import { hotspotContributionSchema } from '../rules/hotspot';
import { hotspotsResponseSchema } from './hotspots-api';

/**
 * Where a top-hotspot list comes from: `engine` = the warning service's baseline-fused scores (with
 * factors); `counts` = raw event counts from the hourly rollup, used only while the engine has not
 * scored yet (then `score` is null and `factors` empty: a score is never invented).
 */
export const HOTSPOT_SOURCES = ['engine', 'counts'] as const;
export const hotspotSourceSchema = z.enum(HOTSPOT_SOURCES);
export type HotspotSource = z.infer<typeof hotspotSourceSchema>;

/** A hotspot's factors as shown to people: what was seen, what is usual, z and its share of the score. */
export const hotspotFactorsSchema = z.array(hotspotContributionSchema).max(3);

/** GET /api/hotspots, scored: the trend list's items plus the engine's score and factors. */
export const scoredHotspotItemSchema = hotspotsResponseSchema.shape.items.element.extend({
  score: z.number().min(0).nullable(),
  factors: hotspotFactorsSchema,
});
export type ScoredHotspotItem = z.infer<typeof scoredHotspotItemSchema>;
export const scoredHotspotsResponseSchema = hotspotsResponseSchema.extend({
  source: hotspotSourceSchema,
  /** When the engine computed the scores (null for `counts`). */
  computedAt: instantSchema.nullable(),
  items: z.array(scoredHotspotItemSchema),
});
export type ScoredHotspotsResponse = z.infer<typeof scoredHotspotsResponseSchema>;
