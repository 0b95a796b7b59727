import { randomUUID } from 'node:crypto';
import { loadConfig, type FengqiaoConfig } from '@fengqiao/config';

/**
 * The stack config as integration specs see it: the global setup points DATABASE_URL at this run's
 * own migrated database before the workers start.
 */
export function testConfig(): FengqiaoConfig {
  const config = loadConfig();
  if (!/\/fengqiao_test_\d+$/.test(config.postgres.url)) {
    throw new Error(
      'integration specs must run through `npm run test:int` (its global setup prepares the database)',
    );
  }
  return config;
}

/** A name no other test or run uses: for topics, consumer groups, client ids. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
