import { loadConfig } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { DEFAULT_DEMO_SEED } from '@fengqiao/geo';
import { numberFlag, parseFlags, runCli, say } from './cli-args';
import { DEFAULT_REGISTRY_SIZE, loadDemoWorld } from './demo-world';
import { FIRST_STEP_DAYS, YEAR_AGO_DAYS } from './history-plan';
import { HistoryService, localMidnight } from './history.service';

const USAGE = `usage: node -r @swc-node/register apps/simulator/src/history.ts [flags]
  --seed N        seed of the demo city (default ${DEFAULT_DEMO_SEED}; as given to seed.ts)
  --registry N    cameras in the seeded registry (default ${DEFAULT_REGISTRY_SIZE})
  --days N        days of history before today (default 90)
  --rate X        case and detection multiplier (default 1)
  --first-days N  days of the first step, after which every wall tile has a value (default ${FIRST_STEP_DAYS})
  --year-ago N    report days a year earlier, for the year-on-year tiles (default ${YEAR_AGO_DAYS}; 0 = none)
Writes each report day's cases (whole lives up to today) and the recent days' detections, newest
first beside the same day a year earlier, through the event store (case_events, the cases
projection, camera_analytics_events, region_hourly_rollup); idempotent (complete days are skipped).`;

/** `history`: the back data the trend views need, up to local midnight today. */
async function main(): Promise<void> {
  const f = parseFlags(process.argv.slice(2), {
    seed: { type: 'string' },
    registry: { type: 'string' },
    days: { type: 'string' },
    rate: { type: 'string' },
    'first-days': { type: 'string' },
    'year-ago': { type: 'string' },
    help: { type: 'boolean' },
  });
  if (f.help === true) return say(USAGE);
  const config = loadConfig();
  const seed = numberFlag(f.seed, 'seed', DEFAULT_DEMO_SEED, 0, 2 ** 32 - 1);
  const city = loadDemoWorld({
    seed,
    registry: numberFlag(f.registry, 'registry', DEFAULT_REGISTRY_SIZE, 1, 200_000),
    geojsonPath: config.geojsonPath,
    divisionsPath: config.city.divisionsPath,
  });
  const pool = createPool(config.postgres.url, { max: 2, applicationName: 'fengqiao-history' });
  const t0 = performance.now();
  try {
    const r = await new HistoryService(pool, city, say).run({
      seed,
      days: numberFlag(f.days, 'days', 90, 1, 3650),
      rate: numberFlag(f.rate, 'rate', 1, 0.01, 100),
      firstDays: numberFlag(f['first-days'], 'first-days', FIRST_STEP_DAYS, 1, 3650),
      yearAgoDays: numberFlag(f['year-ago'], 'year-ago', YEAR_AGO_DAYS, 0, 3650),
      endMs: localMidnight(Date.now()),
    });
    say(
      `history: done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${r.daysWritten} days written ` +
        `(${r.caseEvents} case events, ${r.detections} detections), ${r.daysSkipped} already present`,
    );
  } finally {
    await pool.end();
  }
}

runCli(main, USAGE);
