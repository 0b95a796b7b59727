import { mkdirSync } from 'node:fs';
import { type FengqiaoConfig } from '@fengqiao/config';
import { createPool, migrate } from '@fengqiao/db';
import { type ComponentStatus, type StackComponent } from './component';
import { kafkaComponent } from './kafka.component';
import { mediaComponent } from './media.component';
import { postgresComponent } from './postgres.component';
import { postgresPlainComponent } from './postgres-plain.component';

/** Start order; stopped in reverse. */
export const COMPONENTS: readonly StackComponent[] = [
  postgresComponent,
  postgresPlainComponent,
  kafkaComponent,
  mediaComponent,
];

export async function stackUp(config: FengqiaoConfig, say: (line: string) => void): Promise<void> {
  for (const dir of [config.stack.cacheDir, config.stack.dataDir, config.stack.logDir, config.stack.runDir]) {
    mkdirSync(dir, { recursive: true });
  }
  // Postgres and Kafka are independent: start them side by side.
  await Promise.all(COMPONENTS.map((c) => c.up(config, say)));
  await migrateDatabase(config.postgres.url, 'up', say);
}

export async function stackDown(config: FengqiaoConfig, say: (line: string) => void): Promise<void> {
  for (const c of [...COMPONENTS].reverse()) await c.down(config, say);
}

export async function stackStatus(config: FengqiaoConfig): Promise<ComponentStatus[]> {
  return Promise.all(COMPONENTS.map((c) => c.status(config)));
}

export async function migrateDatabase(
  url: string,
  direction: 'up' | 'down',
  say: (line: string) => void,
  steps?: number,
): Promise<void> {
  const pool = createPool(url, { max: 1, applicationName: 'fengqiao-migrate' });
  try {
    const done = await migrate(pool, { direction, steps, log: (l) => say(`migrate: ${l}`) });
    say(
      `migrate: ${done.length === 0 ? 'schema up to date' : `${done.length} migration(s) ${direction === 'up' ? 'applied' : 'reverted'}`}`,
    );
  } finally {
    await pool.end();
  }
}
