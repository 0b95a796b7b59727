import { z } from 'zod';

/** GET /api/health: each dependency checked for real, and the overall verdict. */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  components: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
  /** The city this deployment serves (FQ_CITY_CODE, FQ_CITY_NAME): the dashboard's title before sign-in. */
  city: z.object({ code: z.string().regex(/^[1-8]\d{3}00$/), name: z.string().min(1) }).strict(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
