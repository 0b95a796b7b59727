export type DbErrorCode = 'MIGRATION_INVALID' | 'MIGRATION_CHECKSUM_MISMATCH' | 'MIGRATION_UNKNOWN_APPLIED';

/** A database-layer failure with a code each transport maps exhaustively. */
export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}
