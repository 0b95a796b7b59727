import { loadConfig } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { DEFAULT_DEMO_SEED } from '@fengqiao/geo';
import { createKafkaClient } from '@fengqiao/kafka';
import { numberFlag, parseFlags, runCli, say } from './cli-args';
import { DEFAULT_REGISTRY_SIZE, loadDemoWorld } from './demo-world';
import { SeedService } from './seed.service';

const USAGE = `usage: node -r @swc-node/register apps/simulator/src/seed.ts [flags]
  --seed N        seed of the demo city (default ${DEFAULT_DEMO_SEED})
  --cameras N     cameras in the registry (default ${DEFAULT_REGISTRY_SIZE})
  --townships N   townships across the city (default 120)
  --no-kafka      write the database only; do not produce camera.registered.v1
  --force         rewrite and re-produce even what already exists
Boundaries: FQ_GEOJSON (a GeoJSON FeatureCollection of the districts), else a schematic.
Townships and villages: FQ_CITY_DIVISIONS (\`npm run geodata\`: the real ones), else generated
(--townships applies only then).`;

/** `seed`: the demo regions and camera registry, idempotent; a second run only checks and skips. */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    seed: { type: 'string' },
    cameras: { type: 'string' },
    townships: { type: 'string' },
    'no-kafka': { type: 'boolean' },
    force: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (flags.help === true) return say(USAGE);
  const config = loadConfig();
  const t0 = performance.now();
  const city = loadDemoWorld({
    seed: numberFlag(flags.seed, 'seed', DEFAULT_DEMO_SEED, 0, 2 ** 32 - 1),
    registry: numberFlag(flags.cameras, 'cameras', DEFAULT_REGISTRY_SIZE, 1, 200_000),
    townships: numberFlag(flags.townships, 'townships', 120, 5, 999),
    geojsonPath: config.geojsonPath,
    divisionsPath: config.city.divisionsPath,
  });
  const h = city.hierarchy;
  say(
    `seed: city built from ${config.geojsonPath ?? 'the schematic boundaries'} and ` +
      `${config.city.divisionsPath ?? 'generated divisions'}: ${h.counties.length} districts, ` +
      `${h.townships.length} townships, ${h.villages.length} villages/communities, ${h.grids.length} grid cells, ` +
      `${city.cameras.length} cameras (${Math.round(performance.now() - t0)} ms)`,
  );
  const pool = createPool(config.postgres.url, { max: 2, applicationName: 'fengqiao-seed' });
  const kafka =
    flags['no-kafka'] === true
      ? undefined
      : createKafkaClient({ brokers: config.kafka.brokers, clientId: 'fengqiao-seed' });
  try {
    const r = await new SeedService(pool, kafka, say).run(city, { force: flags.force === true });
    say(
      `seed: done in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
        `(regions written ${r.regionsWritten}, cameras written ${r.camerasWritten}, produced ${r.camerasProduced})`,
    );
  } finally {
    await pool.end();
  }
}

runCli(main, USAGE);
