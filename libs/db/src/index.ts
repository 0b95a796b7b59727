export { createPool, type DbPool } from './pool';
export { probePostgres, type PostgresProbeResult } from './probe';
export {
  loadMigrations,
  migrate,
  migrationStatus,
  parseMigration,
  MIGRATIONS_DIR,
  type Migration,
  type MigrateOptions,
  type MigrationState,
} from './migrator';
export { DbError, type DbErrorCode } from './db-error';
export { ensureDatabase, withDatabaseName } from './database-admin';
