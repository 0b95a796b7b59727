/**
 * Report generation benchmark: a county month over the seeded 90-day history, timed per stage.
 *
 *   npm run -s seed && npm run -s history   # once, if the database lacks the history
 *   node -r @swc-node/register bench/reports/run.ts [--county 511902] [--month 2026-10] [--runs 3]
 *        [--no-pdf] [--html out.html] [--screenshot docs/screenshots/report-county-month.png]
 *
 * Read-only: it loads, renders and prints but stores nothing, so the demo data is untouched.
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { cityNameOf } from '@fengqiao/geo';
import { periodContaining } from '@fengqiao/domain';
import { buildReportModel, renderReportHtml } from '@fengqiao/reports';
import { PdfRenderer, ReportLoader } from '@fengqiao/reports-app';
import { screenshotHtml } from './screenshot';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function historyRows(
  pool: DbPool,
): Promise<{ events: number; from: string | null; to: string | null }> {
  const res = await pool.query<{ events: number; from: Date | null; to: Date | null }>(
    `SELECT count(*)::bigint AS events, min(occurred_at) AS from, max(occurred_at) AS to FROM case_events`,
  );
  const r = res.rows[0];
  return { events: r?.events ?? 0, from: r?.from?.toISOString() ?? null, to: r?.to?.toISOString() ?? null };
}

async function main(): Promise<void> {
  const county = arg('county', '511902');
  const period = periodContaining('month', `${arg('month', '2026-10')}-01`);
  const runs = Number(arg('runs', '3'));
  const withPdf = !process.argv.includes('--no-pdf');
  const config = loadConfig();
  const pool = createPool(config.postgres.url, { max: 8, applicationName: 'bench-reports' });
  const pdf = new PdfRenderer();
  const city = { code: config.city.code, name: cityNameOf(config.city) };
  const loader = new ReportLoader(city);
  try {
    const history = await historyRows(pool);
    console.log(`case_events: ${history.events} rows, ${history.from} … ${history.to}`);
    if (history.events === 0)
      throw new Error('no history: run `npm run -s seed && npm run -s history` first');
    const stages = {
      query: [] as number[],
      render: [] as number[],
      pdf: [] as number[],
      total: [] as number[],
    };
    let html = '';
    for (let run = 1; run <= runs; run++) {
      const t0 = performance.now();
      const input = await loader.load(pool, { level: 'county', region: county, period }, Date.now());
      const t1 = performance.now();
      html = renderReportHtml(buildReportModel(input), city.name);
      const t2 = performance.now();
      const out = withPdf ? await pdf.render(html) : { pdf: null, reason: 'skipped (--no-pdf)' };
      const t3 = performance.now();
      stages.query.push(t1 - t0);
      stages.render.push(t2 - t1);
      stages.pdf.push(t3 - t2);
      stages.total.push(t3 - t0);
      console.log(
        `run ${run}: ${input.cases.length} case facts, query ${(t1 - t0).toFixed(0)} ms, render ${(t2 - t1).toFixed(0)} ms, ` +
          `pdf ${(t3 - t2).toFixed(0)} ms (${out.pdf === null ? out.reason : `${out.pdf.length} bytes`}), html ${html.length} chars`,
      );
    }
    const m = (xs: number[]): string => `${median(xs).toFixed(0)} ms`;
    console.log(
      `county ${county} month ${period.label}, median of ${runs}: total ${m(stages.total)} = query ${m(stages.query)} + render ${m(stages.render)} + pdf ${m(stages.pdf)}`,
    );
    const htmlPath = arg('html', '');
    if (htmlPath !== '') writeFileSync(htmlPath, html);
    const shot = arg('screenshot', '');
    if (shot !== '') await screenshotHtml(html, shot);
  } finally {
    await pdf.close();
    await pool.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
