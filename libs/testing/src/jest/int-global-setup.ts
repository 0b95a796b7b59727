import { loadConfig } from '@fengqiao/config';
import {
  createPool,
  ensureDatabase,
  holdRollupRefresh,
  migrate,
  probePostgres,
  withDatabaseName,
} from '@fengqiao/db';
import { probeKafka } from '@fengqiao/kafka';

/**
 * Integration tests run against the real stack (`npm run stack:up`), each run in a database of its
 * own, created and migrated here, so concurrent runs and the demo database never collide.
 */
export default async function intGlobalSetup(): Promise<void> {
  const config = loadConfig();
  const [pg, kafka] = await Promise.all([
    probePostgres(config.postgres.url),
    probeKafka(config.kafka.brokers),
  ]);
  const down = [
    ...(pg.ok ? [] : [`postgres at ${config.postgres.url.replace(/:[^:@/]*@/, ':***@')}: ${pg.error}`]),
    ...(kafka.ok ? [] : [`kafka at ${config.kafka.brokers.join(',')}: ${kafka.error}`]),
  ];
  if (down.length > 0) {
    throw new Error(
      `integration tests need the real stack; not reachable:\n  ${down.join('\n  ')}\nrun \`npm run stack:up\` first`,
    );
  }
  const url = withDatabaseName(config.postgres.url, `fengqiao_test_${process.pid}`);
  await ensureDatabase(url, { recreate: true });
  const pool = createPool(url, { max: 1 });
  try {
    await migrate(pool, { direction: 'up' });
    // TimescaleDB: rollups answer through real-time aggregation only, whenever a refresh would have run.
    await holdRollupRefresh(pool);
  } finally {
    await pool.end();
  }
  // Workers inherit this environment: loadConfig() there resolves to this run's database.
  process.env.DATABASE_URL = url;
  process.env.FQ_TEST_DATABASE_URL = url;
}
