import { z } from 'zod';
import { geoPointSchema } from '../regions';

/** The levels of the administrative hierarchy below the city, top to bottom. */
export const REGION_LEVELS = ['county', 'township', 'village', 'grid'] as const;
export const regionLevelSchema = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof regionLevelSchema>;

/** `GET /api/regions?parent=`: a county, township or village code; absent = the counties. */
export const regionChildrenQuerySchema = z
  .object({
    parent: z
      .string()
      .regex(/^[1-8]\d{5}(\d{3}){0,2}$/, 'parent must be a county, township or village code')
      .optional(),
  })
  .strict();
export type RegionChildrenQuery = z.infer<typeof regionChildrenQuerySchema>;

/** One region as the address pickers show it. */
export const regionNodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevelSchema,
  /** A representative point (the region's centre) when the registry knows one. */
  point: geoPointSchema.nullable(),
});
export type RegionNode = z.infer<typeof regionNodeSchema>;

export const regionChildrenSchema = z.object({
  parent: z.string().nullable(),
  /** The children in code order, limited to the caller's scope. */
  regions: z.array(regionNodeSchema),
});
export type RegionChildren = z.infer<typeof regionChildrenSchema>;
