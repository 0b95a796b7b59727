import { type DbPool } from './pool';

export interface DbPingResult {
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * Database reachability for /health: `select 1` through the app's own pool (so a pool whose
 * connections are all wedged is seen as such), answered within `timeoutMs` whatever the network does.
 * One ping at a time: health polls during an outage do not pile up waiting queries.
 */
export class DbPing {
  private inFlight: Promise<DbPingResult> | undefined;

  constructor(
    private readonly pool: DbPool,
    private readonly timeoutMs: number,
  ) {}

  check(): Promise<DbPingResult> {
    this.inFlight ??= this.ping().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async ping(): Promise<DbPingResult> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<DbPingResult>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, detail: `no answer within ${this.timeoutMs} ms` }),
        this.timeoutMs,
      );
    });
    const query = this.pool.query('SELECT 1').then(
      (): DbPingResult => ({ ok: true, detail: `answered in ${Date.now() - started} ms` }),
      (err: unknown): DbPingResult => ({
        ok: false,
        detail: `unreachable (${err instanceof Error ? err.message : String(err)})`,
      }),
    );
    try {
      return await Promise.race([query, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
