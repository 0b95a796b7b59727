import { Inject, Injectable } from '@nestjs/common';
import { type PoolClient } from 'pg';
import { type DbPool, withTransaction } from '@fengqiao/db';
import { DB_POOL } from './tokens';

/** What a repository method runs its one query on: the pool, or a transaction's client. */
export type Queryable = Pick<PoolClient, 'query'>;

/** Runs work in one transaction; services use it so a change and its audit row commit together. */
@Injectable()
export class Database {
  constructor(@Inject(DB_POOL) readonly pool: DbPool) {}

  /** The one transaction helper (libs/db): a connection that broke is destroyed, never reused. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, work);
  }
}
