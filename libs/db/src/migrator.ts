import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Pool, type PoolClient } from 'pg';
import { syncDomainTables } from './cases/domain-tables';
import { DbError } from './db-error';

export const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

export interface Migration {
  readonly version: string;
  readonly name: string;
  readonly up: string;
  readonly down: string;
  readonly checksum: string;
}

export interface MigrationState {
  readonly version: string;
  readonly name: string;
  readonly appliedAt: Date | null;
}

export interface MigrateOptions {
  readonly direction: 'up' | 'down';
  /** How many to apply (up) or revert (down); default: all pending for up, one for down. */
  readonly steps?: number;
  readonly dir?: string;
  readonly log?: (line: string) => void;
}

const FILE = /^(\d{14})_([a-z0-9_]+)\.sql$/;

/**
 * Checksums a migration file had before a fix of its DOWN section only (its up section, and so
 * every database it built, is unchanged): accepted for databases migrated before the fix.
 */
const DOWN_STEP_FIXES: Readonly<Record<string, readonly string[]>> = {
  // The down step left fq_case_kpi_fact writing the column it dropped (issue 19).
  '20261127520700': ['34d0867184b3feabd598716cc72f99f428420902e2a5fe3b7a0b04850d77af3f'],
  // The down step left analytics chunks segmented by township, whose column an earlier down drops.
  '20261206234300': ['76c13028443f717ef177cbb7257d559604df50bdf6c44e0dcaa1ed5495c7be1f'],
};
const LOCK_KEY = 7_261_127; // pg_advisory_lock key: one migrator at a time per database

/** Splits a `-- migrate:up` / `-- migrate:down` file into its two halves. */
export function parseMigration(fileName: string, sql: string): Migration {
  const m = FILE.exec(fileName);
  if (!m)
    throw new DbError('MIGRATION_INVALID', `${fileName}: name must be <14-digit timestamp>_<snake_name>.sql`);
  const upAt = sql.indexOf('-- migrate:up');
  const downAt = sql.indexOf('-- migrate:down');
  if (upAt < 0 || downAt < upAt) {
    throw new DbError(
      'MIGRATION_INVALID',
      `${fileName}: needs a '-- migrate:up' section followed by '-- migrate:down'`,
    );
  }
  return {
    version: m[1] as string,
    name: m[2] as string,
    up: sql.slice(upAt, downAt),
    down: sql.slice(downAt),
    checksum: createHash('sha256').update(sql).digest('hex'),
  };
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => parseMigration(f, readFileSync(join(dir, f), 'utf8')));
}

async function ensureLedger(client: PoolClient): Promise<Map<string, string>> {
  await client.query(`CREATE TABLE IF NOT EXISTS fq_schema_migrations (
    version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  const rows = await client.query<{ version: string; checksum: string }>(
    'SELECT version, checksum FROM fq_schema_migrations',
  );
  return new Map(rows.rows.map((r) => [r.version, r.checksum]));
}

function verify(migrations: readonly Migration[], applied: ReadonlyMap<string, string>): void {
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const [version, checksum] of applied) {
    const m = known.get(version);
    if (!m)
      throw new DbError(
        'MIGRATION_UNKNOWN_APPLIED',
        `migration ${version} is applied but its file is missing`,
      );
    if (m.checksum !== checksum && !(DOWN_STEP_FIXES[version] ?? []).includes(checksum)) {
      throw new DbError(
        'MIGRATION_CHECKSUM_MISMATCH',
        `migration ${version}_${m.name} changed after it was applied; add a new migration instead`,
      );
    }
  }
}

/**
 * TimescaleDB's job scheduler updates its catalog rows (policies, job stats) in its own sessions; a
 * migration that creates or drops a policy at that moment can fail with PostgreSQL's transient
 * "tuple concurrently updated" (seen when a test database went down and up again within seconds),
 * and dropping a continuous aggregate or hypertable while a policy job (refresh, compression) works
 * on it can end in "deadlock detected" (the plain-path spec's all-the-way-down, seen once in four).
 * The migration's transaction was rolled back whole, so running it again is safe.
 */
const CATALOG_RACE_ATTEMPTS = 3;

function isCatalogRace(err: unknown): boolean {
  return err instanceof Error && /tuple concurrently (updated|deleted)|deadlock detected/.test(err.message);
}

async function applyOne(client: PoolClient, m: Migration, direction: 'up' | 'down'): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(direction === 'up' ? m.up : m.down);
    if (direction === 'up') {
      await client.query('INSERT INTO fq_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
    } else {
      await client.query('DELETE FROM fq_schema_migrations WHERE version = $1', [m.version]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/** Applies or reverts migrations, each in its own transaction, under an advisory lock. */
export async function migrate(pool: Pool, options: MigrateOptions): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const migrations = loadMigrations(options.dir);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    const applied = await ensureLedger(client);
    verify(migrations, applied);
    const plan =
      options.direction === 'up'
        ? migrations.filter((m) => !applied.has(m.version)).slice(0, options.steps ?? Infinity)
        : migrations
            .filter((m) => applied.has(m.version))
            .reverse()
            .slice(0, options.steps ?? 1);
    for (const m of plan) {
      log(`${options.direction === 'up' ? 'applying' : 'reverting'} ${m.version}_${m.name}`);
      for (let attempt = 1; ; attempt += 1) {
        try {
          await applyOne(client, m, options.direction);
          break;
        } catch (err) {
          if (attempt >= CATALOG_RACE_ATTEMPTS || !isCatalogRace(err)) throw err;
          log(`retrying ${m.version}_${m.name}: ${(err as Error).message}`);
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    }
    if (options.direction === 'up') await writeDomainTables(client, log);
    return plan.map((m) => `${m.version}_${m.name}`);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** The tables seeded from @fengqiao/domain are rewritten after every `up`, applied or not. */
async function writeDomainTables(client: PoolClient, log: (line: string) => void): Promise<void> {
  await client.query('BEGIN');
  try {
    if (await syncDomainTables(client)) log('wrote case_steps and case_clock_rules from @fengqiao/domain');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/** Every known migration with when it was applied (null when pending). */
export async function migrationStatus(pool: Pool, dir?: string): Promise<MigrationState[]> {
  const client = await pool.connect();
  try {
    await ensureLedger(client);
    const rows = await client.query<{ version: string; applied_at: Date }>(
      'SELECT version, applied_at FROM fq_schema_migrations',
    );
    const at = new Map(rows.rows.map((r) => [r.version, r.applied_at]));
    return loadMigrations(dir).map((m) => ({
      version: m.version,
      name: m.name,
      appliedAt: at.get(m.version) ?? null,
    }));
  } finally {
    client.release();
  }
}
