import { Client } from 'pg';

/** The same server URL pointing at another database. */
export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates the database of `url` if missing (connecting to `postgres`); optionally drops it first. */
export async function ensureDatabase(url: string, options: { recreate?: boolean } = {}): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const admin = new Client({ connectionString: withDatabaseName(url, 'postgres') });
  await admin.connect();
  try {
    if (options.recreate === true) await dropForce(admin, name);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/**
 * DROP DATABASE … WITH (FORCE), retried: under TimescaleDB a background job of that database (a
 * policy run) may hold a connection the app role may not terminate (42501) until the job ends.
 */
async function dropForce(admin: Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code !== '42501' || attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Drops the database of `url` (connecting to `postgres`), forcing its sessions out. */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const admin = new Client({ connectionString: withDatabaseName(url, 'postgres') });
  await admin.connect();
  try {
    await dropForce(admin, name);
  } finally {
    await admin.end();
  }
}
