import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/**
 * Ways of restating the city's clock (UTC+8, Asia/Shanghai) instead of asking its owners:
 * libs/domain `city-clock.ts` (`CITY_TIME_ZONE`, `cityDateOf`, `cityMidnightMs`, …) in TypeScript,
 * `fq_beijing_day` / `fq_beijing_day_start` in SQL (migrations 20261127400200, 20261207010800).
 */
const RESTATEMENTS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'SQL AT TIME ZONE (use fq_beijing_day / fq_beijing_day_start)', pattern: /AT TIME ZONE/i },
  { name: "the zone's name (use CITY_TIME_ZONE)", pattern: /['"`]Asia\/Shanghai['"`]/ },
  { name: "SQL interval '8 hours'", pattern: /interval\s+'8 hours?'/i },
  { name: '8 hours in seconds or ms', pattern: /\b8\s*\*\s*(3600|3_600|60\s*\*\s*60)\b|\b28_?800(_?000)?\b/ },
  { name: 'UTC hours + 8', pattern: /getUTCHours\(\)\s*\+\s*8\b/ },
  { name: 'a local time built by appending +08:00', pattern: /\$\{[^}]+\}[T\d:.]*\+08:00/ },
];

const IS_TEST = /\.(spec|int-spec|e2e-spec)\.tsx?$|\/(__fixtures__|testing|test-support)\//;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function productionSources(): string[] {
  return ['apps', 'libs']
    .flatMap((top) => readdirSync(join(ROOT, top)).map((p) => join(ROOT, top, p, 'src')))
    .flatMap((src) => {
      try {
        return sourceFiles(src);
      } catch {
        return []; // a project without src/
      }
    })
    .map((f) => relative(ROOT, f))
    .filter((f) => !IS_TEST.test(f) && !f.startsWith('libs/domain/src/time/'));
}

describe('the city clock has one owner per language', () => {
  const offenders = productionSources().flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    return RESTATEMENTS.filter((r) => r.pattern.test(text)).map((r) => `${file}: ${r.name}`);
  });

  it('no production source outside libs/domain restates UTC+8', () => {
    expect(offenders).toEqual([]);
  });

  it('catches each way of restating it', () => {
    const samples = [
      "occurred_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')",
      "timeZone: 'Asia/Shanghai'",
      "day::timestamp - interval '8 hours'",
      'const OFFSET = 8 * 3600 * 1000;',
      'const h = d.getUTCHours() + 8;',
      'Date.parse(`${date}T00:00:00+08:00`)',
    ];
    for (const s of samples) expect(RESTATEMENTS.some((r) => r.pattern.test(s))).toBe(true);
  });
});
