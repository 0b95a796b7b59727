import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, loadConfig } from '@fengqiao/config';
import { createPool, ensureDatabase, migrate, withDatabaseName, type DbPool } from '@fengqiao/db';
import { seedDemoUsers } from '../../apps/api/src/seed-users';
import { loadDemoWorld } from '../../apps/simulator/src/demo-world';
import { SeedService } from '../../apps/simulator/src/seed.service';
import { startSystemOn, type RunningSystem } from '../../e2e/src/system';
import { seedWallWorld } from '../../e2e/src/wall-fixtures';

export interface World {
  readonly system: RunningSystem;
  readonly pool: DbPool;
  readonly databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The dashboard benchmarks' own world: a database of their own (recreated each run, the demo data is
 * never touched) seeded like the browser specs' (5 counties × 3 townships, 8 days of rollups, 30
 * cameras), the real API and the built dashboard in front of it.
 */
export async function startWorld(options: { build?: boolean; fullRegistry?: boolean } = {}): Promise<World> {
  const base = loadConfig();
  const databaseUrl = withDatabaseName(base.postgres.url, 'fengqiao_bench_dashboard');
  await ensureDatabase(databaseUrl, { recreate: true });
  const pool = createPool(databaseUrl, { max: 2 });
  await migrate(pool, { direction: 'up' });
  await seedDemoUsers(pool, { ...base, mode: 'test', postgres: { ...base.postgres, url: databaseUrl } });
  // The full registry first: its seed prunes regions that are not the demo city's.
  if (options.fullRegistry === true) await seedFullRegistry(pool);
  await seedWallWorld(pool);
  // The configured district outlines when present, as the browser specs and a deployment have them
  // (a build-tool setting read by vite.config.mts, hence the environment of the build).
  const geojson = join(findRepoRoot(__dirname), '..', 'shared', 'geo', 'bazhong-districts.geojson');
  if (process.env.FQ_GEOJSON === undefined && existsSync(geojson)) process.env.FQ_GEOJSON = geojson;
  const system = await startSystemOn(databaseUrl, options);
  return {
    system,
    pool,
    databaseUrl,
    stop: async () => {
      await system.stop();
      await pool.end();
    },
  };
}

/**
 * The demo city's whole registry (31,000 cameras over 120 townships, as `npm run seed` writes it)
 * with a state per camera, ~4 % offline: the wall's camera density and online shares then aggregate
 * the real number of cameras.
 */
async function seedFullRegistry(pool: DbPool): Promise<void> {
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  await new SeedService(pool, undefined, say).run(
    loadDemoWorld({
      geojsonPath: loadConfig().geojsonPath,
      divisionsPath: loadConfig().city.divisionsPath,
    }),
  );
  await pool.query(
    `INSERT INTO camera_state (camera_id, online, changed_at, seen_at)
     SELECT camera_id, abs(hashtext(camera_id)) % 25 <> 0, now(), now() FROM cameras ON CONFLICT DO NOTHING`,
  );
}

/** `node -r @swc-node/register bench/dashboard/world.ts [--no-build]`: serve the world until Ctrl-C. */
if (require.main === module) {
  startWorld({ build: !process.argv.includes('--no-build') })
    .then((world) => {
      process.stdout.write(`dashboard ${world.system.dashboardUrl} · api ${world.system.apiUrl}\n`);
      const stop = (): void => void world.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
