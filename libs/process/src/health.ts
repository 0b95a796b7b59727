/** One dependency or worker of a process, checked for real. */
export interface HealthComponent {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What every long-running app answers on /health (and /ready): 200 when ok, 503 when degraded. */
export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly uptimeSeconds: number;
  readonly components: readonly HealthComponent[];
}

/** What one check finds. */
export interface CheckResult {
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * A check of one component. The contract for consumers: ok when they made progress recently or have
 * nothing to do (libs/kafka ConsumerProgress); for the database: it answered within a timeout
 * (libs/db DbPing). Never a timer that fires whatever the work does.
 */
export interface HealthCheck {
  readonly name: string;
  check(): CheckResult | Promise<CheckResult>;
}

/** Runs every check, each bounded by `timeoutMs` (a check that hangs is a failed check). */
export async function evaluateHealth(
  checks: readonly HealthCheck[],
  startedAt: number,
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<HealthReport> {
  const components = await Promise.all(checks.map((c) => bounded(c, timeoutMs)));
  return {
    status: components.every((c) => c.ok) ? 'ok' : 'degraded',
    uptimeSeconds: Math.round((now() - startedAt) / 1000),
    components,
  };
}

async function bounded(c: HealthCheck, timeoutMs: number): Promise<HealthComponent> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    const { ok, detail } = await Promise.race([Promise.resolve().then(() => c.check()), late]);
    return { name: c.name, ok, detail };
  } catch (err) {
    return { name: c.name, ok: false, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
