import { z } from 'zod';

/** GET /api/health: each dependency checked for real, and the overall verdict. */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  components: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
