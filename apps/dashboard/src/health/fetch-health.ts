import { healthResponseSchema, type HealthResponse } from '@fengqiao/contracts';
import { requestOf } from '../api/request';

export type HealthView =
  { kind: 'loading' } | { kind: 'unreachable'; reason: string } | ({ kind: 'loaded' } & HealthResponse);

/** Loads the health route (public: no token) and validates it against the contract; never throws. */
export async function fetchHealth(signal: AbortSignal): Promise<HealthView> {
  try {
    const { url } = requestOf('health.check');
    const res = await fetch(url, { signal });
    const body: unknown = await res.json();
    const parsed = healthResponseSchema.safeParse(body);
    if (!parsed.success) return { kind: 'unreachable', reason: `unexpected answer (HTTP ${res.status})` };
    return { kind: 'loaded', ...parsed.data };
  } catch (err) {
    return { kind: 'unreachable', reason: err instanceof Error ? err.message : String(err) };
  }
}
