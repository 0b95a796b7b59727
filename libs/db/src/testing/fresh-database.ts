import { dropDatabase, ensureDatabase, withDatabaseName } from '../database-admin';
import { migrate } from '../migrator';
import { createPool, type DbPool } from '../pool';

/** A database of its own, created and migrated up, that the spec drops at the end. */
export interface FreshDatabase {
  readonly url: string;
  readonly pool: DbPool;
  /** Migrates all the way down, then checks nothing but the ledger is left. */
  migrateAllDown(): Promise<string[]>;
  drop(): Promise<void>;
}

export async function freshDatabase(serverUrl: string, name: string): Promise<FreshDatabase> {
  const url = withDatabaseName(serverUrl, name);
  await ensureDatabase(url, { recreate: true });
  const pool = createPool(url, { max: 4 });
  await migrate(pool, { direction: 'up' });
  return {
    url,
    pool,
    migrateAllDown: () => migrate(pool, { direction: 'down', steps: Number.MAX_SAFE_INTEGER }),
    drop: async () => {
      await pool.end();
      await dropDatabase(url);
    },
  };
}
