import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(__dirname, '..', '..', 'apps', 'dashboard', 'dist');
const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

/** The built dashboard's files (dist/), each raw and gzip-compressed (level 9, as a proxy would send it). */
export function bundleSizes(): string {
  const files = readdirSync(join(DIST, 'assets'))
    .map((f) => join('assets', f))
    .concat('index.html')
    .filter((f) => /\.(js|css|html)$/.test(f));
  const rows = files.map((f) => {
    const body = readFileSync(join(DIST, f));
    return { f, raw: statSync(join(DIST, f)).size, gz: gzipSync(body, { level: 9 }).length };
  });
  rows.sort((a, b) => b.raw - a.raw);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz }), { raw: 0, gz: 0 });
  return [
    `bundle (apps/dashboard/dist): ${rows.length} files, ${kib(total.raw)} raw, ${kib(total.gz)} gzip`,
    ...rows.slice(0, 8).map((r) => `  ${r.f}: ${kib(r.raw)} raw, ${kib(r.gz)} gzip`),
  ].join('\n');
}
