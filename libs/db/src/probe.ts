import { Client } from 'pg';

export interface PostgresProbeResult {
  readonly ok: boolean;
  readonly version?: string;
  readonly error?: string;
}

/** A real readiness check: connect and run `select 1`. */
export async function probePostgres(url: string, timeoutMs = 3000): Promise<PostgresProbeResult> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const res = await client.query<{ one: number; version: string }>('select 1 as one, version() as version');
    const row = res.rows[0];
    return { ok: row?.one === 1, version: row?.version.split(' ').slice(0, 2).join(' ') };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
