import { type AddressInfo } from 'node:net';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type FengqiaoConfig } from '@fengqiao/config';
import { createPool, ensureDatabase, migrate, withDatabaseName, type DbPool } from '@fengqiao/db';
import { createApiApp } from '../../apps/api/src/app.factory';
import { type ApiOptions } from '../../apps/api/src/infra/api-options';
import { seedDemoUsers } from '../../apps/api/src/seed-users';

/** The API benchmarks' own database (recreated each run): the demo data is never touched. */
export async function benchApiDatabase(): Promise<{ config: FengqiaoConfig; pool: DbPool }> {
  const base = loadConfig();
  const url = withDatabaseName(base.postgres.url, 'fengqiao_bench_api');
  await ensureDatabase(url, { recreate: true });
  const pool = createPool(url, { max: 4 });
  await migrate(pool, { direction: 'up' });
  const config: FengqiaoConfig = { ...base, mode: 'test', postgres: { ...base.postgres, url } };
  await seedDemoUsers(pool, config);
  return { config, pool };
}

/** A full API instance (HTTP + live) in this process on an ephemeral port. */
export async function startBenchApi(
  config: FengqiaoConfig,
  options: Partial<ApiOptions>,
): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createApiApp(config, { options, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
