import { z } from 'zod';
import { instantSchema } from '../ids';
import { countyCodeSchema, gridCellIdSchema, townshipCodeSchema } from '../regions';

export const TREND_BUCKETS = ['hour', 'day', 'week'] as const;
export const trendBucketSchema = z.enum(TREND_BUCKETS);
export type TrendBucket = z.infer<typeof trendBucketSchema>;

export const ROLLUP_SOURCES = ['case', 'analytics'] as const;
const sourceSchema = z.enum(ROLLUP_SOURCES);
const category = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9-]+$/);

/**
 * A range and a region: the whole city, one county, one township or one grid cell. Rows are grouped
 * one level below the region asked (a township stays itself) unless `level=grid` asks for the grid
 * cells of a township; a grid cell's rows are the cell itself. Grid figures count the reported cases
 * of each cell and the analytics events of the cameras registered in it.
 */
const rangeAndRegion = {
  from: instantSchema,
  to: instantSchema,
  county: countyCodeSchema.optional(),
  township: townshipCodeSchema.optional(),
  grid: gridCellIdSchema.optional(),
  level: z.enum(['grid']).optional(),
  source: sourceSchema.optional(),
  category: category.optional(),
};

/** GET /api/trends/series: counts per bucket × region (one level below the one asked) × category. */
export const trendSeriesQuerySchema = z
  .object({ ...rangeAndRegion, bucket: trendBucketSchema.default('day') })
  .strict();
export type TrendSeriesQuery = z.infer<typeof trendSeriesQuerySchema>;

export const trendPointSchema = z
  .object({ bucket: instantSchema, region: z.string(), category: z.string(), events: z.number().int() })
  .strict();
export const trendSeriesResponseSchema = z
  .object({ bucket: trendBucketSchema, points: z.array(trendPointSchema) })
  .strict();
export type TrendPoint = z.infer<typeof trendPointSchema>;
export type TrendSeriesResponse = z.infer<typeof trendSeriesResponseSchema>;

/** GET /api/trends/yoy: the range against the same range one year earlier. */
export const yearOnYearQuerySchema = z.object(rangeAndRegion).strict();
export type YearOnYearQuery = z.infer<typeof yearOnYearQuerySchema>;
export const yearOnYearResponseSchema = z
  .object({
    current: z.number().int(),
    previous: z.number().int(),
    /** (current − previous) / previous × 100, one decimal; null when there is no previous year. */
    changePercent: z.number().nullable(),
  })
  .strict();
export type YearOnYearResponse = z.infer<typeof yearOnYearResponseSchema>;

/** GET /api/trends/breakdown: totals of the regions one level below (city → counties → townships). */
export const breakdownQuerySchema = z.object(rangeAndRegion).strict();
export type BreakdownQuery = z.infer<typeof breakdownQuerySchema>;
export const breakdownResponseSchema = z
  .object({
    level: z.enum(['county', 'township', 'grid']),
    rows: z.array(
      z
        .object({
          region: z.string(),
          name: z.string().nullable(),
          events: z.number().int(),
          /** The region's registered centre (regions table), when the registry has it. */
          lon: z.number().nullable().optional(),
          lat: z.number().nullable().optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type BreakdownResponse = z.infer<typeof breakdownResponseSchema>;

/** GET /api/hotspots: the busiest townships over the last hours. */
export const hotspotsQuerySchema = z
  .object({
    hours: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(24),
    limit: z.coerce.number().int().min(1).max(100).default(10),
    county: countyCodeSchema.optional(),
  })
  .strict();
export type HotspotsQuery = z.infer<typeof hotspotsQuerySchema>;
export const hotspotsResponseSchema = z
  .object({
    since: instantSchema,
    items: z.array(
      z
        .object({
          county: z.string(),
          township: z.string(),
          name: z.string().nullable(),
          events: z.number().int(),
          topCategory: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type HotspotsResponse = z.infer<typeof hotspotsResponseSchema>;
