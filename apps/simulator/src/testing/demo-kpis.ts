import { randomUUID } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import request from 'supertest';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type KpiSnapshot } from '@fengqiao/contracts';
import {
  createPool,
  dropDatabase,
  ensureDatabase,
  holdRollupRefresh,
  migrate,
  withDatabaseName,
  type DbPool,
} from '@fengqiao/db';
import { uniqueName } from '@fengqiao/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs the API as a real component: the tiles are its own queries
import { createApiApp } from '../../../api/src/app.factory';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs the API as a real component
import { TokenService } from '../../../api/src/auth/token.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs the API as a real component
import { KpisService } from '../../../api/src/kpis/kpis.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs the API as a real component
import { deleteTopic } from '../../../api/src/testing/api-harness';

/** A database of the spec's own (created, migrated), so no other suite's rows reach the city tiles. */
export async function ownDatabase(
  config: FengqiaoConfig,
  name: string,
): Promise<{ config: FengqiaoConfig; pool: DbPool; drop: () => Promise<void> }> {
  const url = withDatabaseName(config.postgres.url, name);
  await ensureDatabase(url, { recreate: true });
  const pool = createPool(url, { max: 3 });
  await migrate(pool, { direction: 'up' });
  await holdRollupRefresh(pool);
  return {
    config: { ...config, postgres: { ...config.postgres, url } },
    pool,
    drop: async () => {
      await pool.end();
      await dropDatabase(url);
    },
  };
}

/** The API on a fixed clock: the wall's KPI tiles, read as the wall reads them (GET /api/kpis). */
export interface KpiReader {
  /** The city's snapshot, computed afresh (the tile caches are dropped first). */
  city(): Promise<KpiSnapshot>;
  close(): Promise<void>;
}

export async function startKpiReader(config: FengqiaoConfig, now: Date): Promise<KpiReader> {
  const alertsTopic = uniqueName('test.alert.changed.v1');
  const app = await createApiApp(config, {
    clock: { now: () => now },
    options: { alertsTopic },
    logger: ['error', 'warn'],
  });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const token = app.get(TokenService).issue({
    userId: randomUUID(),
    username: 't-analyst',
    displayName: 't',
    role: 'analyst',
    regions: [],
  }).token;
  return {
    async city() {
      app.get(KpisService).invalidate();
      const res = await request(url).get('/api/kpis').set('authorization', `Bearer ${token}`).expect(200);
      return res.body as KpiSnapshot;
    },
    async close() {
      await app.close();
      await deleteTopic(config, alertsTopic);
    },
  };
}
