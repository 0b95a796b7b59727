import { z } from 'zod';
import { instantSchema } from '../ids';

export const HOTSPOT_FACTORS = ['cases', 'analytics', 'blindness'] as const;
export const hotspotFactorSchema = z.enum(HOTSPOT_FACTORS);
export type HotspotFactor = z.infer<typeof hotspotFactorSchema>;

/** One factor of a hotspot score: what was seen, what is usual here at this hour, and its share. */
export const hotspotContributionSchema = z
  .object({
    factor: hotspotFactorSchema,
    value: z.number(),
    expected: z.number(),
    z: z.number(),
    contribution: z.number().min(0),
  })
  .strict();
export type HotspotContribution = z.infer<typeof hotspotContributionSchema>;

/** A region cell's hotspot score for one time bucket, as published for the wall. */
export const hotspotSchema = z
  .object({
    region: z.string().regex(/^[1-8]\d{5,14}$/),
    level: z.enum(['grid', 'township', 'county']),
    bucketStart: instantSchema,
    score: z.number().min(0),
    rank: z.number().int().min(1),
    factors: z.array(hotspotContributionSchema).max(3),
  })
  .strict();
export type Hotspot = z.infer<typeof hotspotSchema>;
