import { loadConfig } from '@fengqiao/config';
import { ensureCityData } from './geodata';

/**
 * `npm run geodata [-- <city code>]`: fetches (once) and extracts the city's real divisions and
 * county outlines, then prints what to export (FQ_CITY_DIVISIONS, FQ_GEOJSON, FQ_CITY_NAME).
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const city = process.argv[2] ?? config.city.code;
  const say = (line: string): void => void process.stderr.write(`${line}\n`);
  const data = await ensureCityData(city, config.postgres.buildCacheDir, say);
  say(
    `geodata: city ${city}: ${data.counties} counties, ${data.townships} townships/streets, ${data.villages} villages/communities (${data.dir})`,
  );
  process.stdout.write(
    `FQ_CITY_DIVISIONS=${data.divisionsPath}\nFQ_GEOJSON=${data.outlinesPath}\nFQ_CITY_NAME=${data.name}\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`geodata: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
