import { z } from 'zod';

/**
 * Knobs of the fault tier (not of the product, hence not in @fengqiao/config): CI runs the defaults,
 * a longer campaign raises them, e.g. `FQ_FAULT_KILLS=50 npm run test:fault`.
 */
const schema = z.object({
  /**
   * SIGKILLs of the ingest and (separately, at the same time) of the warning service. CI runs 4 (one
   * kill cycle is 17-29 s on the shared 2-core machine, docs/reliability.md); the full count
   * is FQ_FAULT_KILLS=20.
   */
  FQ_FAULT_KILLS: z.coerce.number().int().min(1).default(4),
  /** How long PostgreSQL is cut off and the broker stopped. */
  FQ_FAULT_OUTAGE_MS: z.coerce.number().int().min(1000).default(30_000),
  /** One tick of load (~16 valid events). */
  FQ_FAULT_TICK_MS: z.coerce.number().int().min(20).default(250),
  FQ_FAULT_RECOVER_MS: z.coerce.number().int().min(5000).default(60_000),
});

export type FaultSettings = z.infer<typeof schema>;

export function faultSettings(env: NodeJS.ProcessEnv = process.env): FaultSettings {
  const given = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('FQ_FAULT_') && v !== ''),
  );
  return schema.parse(given);
}
