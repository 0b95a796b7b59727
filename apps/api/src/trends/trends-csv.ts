import { type TrendPoint } from '@fengqiao/contracts';

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
function cell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function trendsCsv(points: readonly TrendPoint[]): string {
  const lines = points.map((p) => [p.bucket, p.region, p.category, p.events].map(cell).join(','));
  return `bucket,region,category,events\r\n${lines.map((l) => `${l}\r\n`).join('')}`;
}
