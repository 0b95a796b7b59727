import { Inject, Injectable } from '@nestjs/common';
import { type PoolClient } from 'pg';
import { type DbPool } from '@fengqiao/db';
import { DB_POOL } from './tokens';

/** What a repository method runs its one query on: the pool, or a transaction's client. */
export type Queryable = Pick<PoolClient, 'query'>;

/** Runs work in one transaction; services use it so a change and its audit row commit together. */
@Injectable()
export class Database {
  constructor(@Inject(DB_POOL) readonly pool: DbPool) {}

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
