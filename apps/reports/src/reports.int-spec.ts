import { existsSync } from 'node:fs';
import { createPool, type DbPool } from '@fengqiao/db';
import { testConfig } from '@fengqiao/testing';
import { cityRegionCode } from '@fengqiao/contracts';
import { periodContaining } from '@fengqiao/domain';
import { ReportGenerator } from './generator/report-generator';
import { CHROMIUM_PATH, PdfRenderer } from './pdf/pdf-renderer';
import { ReportScheduler } from './schedule/report-scheduler';
import { aPrivateTownship, insertCaseEvent, registerPlace } from './testing/report-fixtures';

const place = aPrivateTownship();
const NOW = Date.parse('2026-11-18T01:00:00+08:00');
const PARTY = { name: '罗明亮', phone: '13812345678', idNumber: '51192319800101123X' };
const week = periodContaining('week', '2026-11-17');

describe('report generation (real PostgreSQL, headless Chromium)', () => {
  let pool: DbPool;
  const pdf = new PdfRenderer();
  let generator: ReportGenerator;

  beforeAll(async () => {
    pool = createPool(testConfig().postgres.url, { max: 4 });
    generator = new ReportGenerator({ pool, pdf, city: testConfig().city, clock: () => NOW });
    // The scheduler's city and county reports need a county; the int database has regions only as
    // specs register them (the seed spec registers the demo city's, but may run after this one).
    await pool.query(
      `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight)
       VALUES ($1, 'county', $2, '测试县', 107.1, 31.5, 1000) ON CONFLICT (code) DO NOTHING`,
      [place.county, cityRegionCode(place.county)],
    );
    await registerPlace(pool, place);
    const c1 = `C${place.county}-20261116-${place.township.slice(6)}01`;
    const c2 = `C${place.county}-20261116-${place.township.slice(6)}02`;
    const flags = {
      riskFlags: { violenceRisk: true, extremeWords: false, groupPetition: false, repeatVisits: 0 },
    };
    // c1: a simple dispute closed the same Monday; c2: a general one still open after 5 working days.
    await insertCaseEvent(pool, place, {
      caseId: c1,
      type: 'reported',
      at: '2026-11-16T09:00:00+08:00',
      category: 'neighbourhood',
      payload: flags,
    });
    await insertCaseEvent(pool, place, {
      caseId: c1,
      type: 'triaged',
      at: '2026-11-16T10:00:00+08:00',
      category: 'neighbourhood',
      tier: 'simple',
    });
    await insertCaseEvent(pool, place, { caseId: c1, type: 'closed', at: '2026-11-16T16:00:00+08:00' });
    await insertCaseEvent(pool, place, {
      caseId: c2,
      type: 'reported',
      at: '2026-11-09T09:00:00+08:00',
      category: 'labour-wages',
      payload: { parties: [PARTY] },
    });
    await insertCaseEvent(pool, place, {
      caseId: c2,
      type: 'triaged',
      at: '2026-11-09T10:00:00+08:00',
      category: 'labour-wages',
      tier: 'general',
    });
    await insertCaseEvent(pool, place, {
      caseId: `C${place.county}-20261117-${place.township.slice(6)}03`,
      type: 'reported',
      at: '2026-11-17T11:00:00+08:00',
      category: 'traffic',
    });
    await pool.query(
      `INSERT INTO alerts (alert_id, dedup_key, rule_id, rule_version, colour, state, version, title, county, township, grid, raised_at, updated_at, acknowledged_at, explanation)
       VALUES (gen_random_uuid(), $1, 'r', 1, 'red', 'acknowledged', 2, 't', $2, $3, $4, '2026-11-17T10:00:00+08:00', now(), '2026-11-17T10:08:00+08:00', $5)`,
      [
        `reports-spec-${place.township}`,
        place.county,
        place.township,
        place.grid,
        // A valid explanation: a warning service running beside this suite may escalate the row and
        // publish its snapshot, which must satisfy the alert contract.
        { summary: '测试告警', evidence: [], values: {}, thresholds: {} },
      ],
    );
  });
  afterAll(async () => {
    await pdf.close();
    await pool.end();
  });

  it('makes a township week: figures, masked parties, a PDF when Chromium is there', async () => {
    const { metadata, timings } = await generator.generate(
      { level: 'township', region: place.township, period: week },
      'scheduled',
    );
    expect(metadata).toMatchObject({
      level: 'township',
      regionName: '测试镇',
      period: { kind: 'week', start: '2026-11-16', end: '2026-11-23', label: '2026-W47' },
      trigger: 'scheduled',
      summary: { casesIn: 2, casesClosed: 1, onTimeRate: 0.5, alerts: 1, overdue: 1 },
    });
    expect(timings.queryMs).toBeGreaterThanOrEqual(0);
    const row = await pool.query<{ html: string; pdf: Buffer | null; pdf_unavailable_reason: string | null }>(
      `SELECT html, pdf, pdf_unavailable_reason FROM reports WHERE report_id = $1`,
      [metadata?.id],
    );
    const html = row.rows[0]?.html ?? '';
    expect(html).toContain('测试镇矛盾纠纷分析周报（2026年第47周）');
    expect(html).toContain('罗某 138****5678');
    expect(html).toContain('<td>8 分钟</td>'); // MTTA of the red alert
    // The quarterly assessment's camera table, in the cadence reports too (issue 21).
    expect(html).toContain('视频监控覆盖（按场所类型）');
    for (const secret of [PARTY.name, PARTY.phone, PARTY.idNumber]) expect(html).not.toContain(secret);
    if (existsSync(CHROMIUM_PATH)) expect(row.rows[0]?.pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    else expect(row.rows[0]?.pdf_unavailable_reason).toContain('Chromium');
  });

  it('a repeated scheduled run stores nothing new; on demand regenerates in place', async () => {
    const target = { level: 'township', region: place.township, period: week } as const;
    expect((await generator.generate(target, 'scheduled')).metadata).toBeNull();
    const again = await generator.onDemand({ level: 'township', region: place.township, date: '2026-11-20' });
    const rows = await pool.query<{ report_id: string; trigger: string }>(
      `SELECT report_id, trigger FROM reports WHERE region = $1 AND period_kind = 'week'`,
      [place.township],
    );
    expect(rows.rows).toEqual([{ report_id: again.id, trigger: 'on-demand' }]);
  });

  it('without Chromium the report is stored as HTML only, and says why', async () => {
    const noBrowser = new ReportGenerator({
      pool,
      pdf: new PdfRenderer('/nonexistent/chromium'),
      city: testConfig().city,
      clock: () => NOW,
    });
    const m = await noBrowser.onDemand({ level: 'grid', region: place.grid, date: '2026-11-17' });
    expect(m).toMatchObject({ pdfBytes: null, summary: { casesIn: 1 } });
    expect(m.pdfUnavailableReason).toContain('Chromium 未安装');
  });

  it('refuses unknown regions and periods that have not begun', async () => {
    await expect(
      generator.onDemand({ level: 'village', region: '511923999999', date: '2026-11-17' }),
    ).rejects.toMatchObject({ code: 'REGION_UNKNOWN' });
    await expect(
      generator.onDemand({ level: 'county', region: '511923', date: '2026-12-02' }),
    ).rejects.toMatchObject({ code: 'PERIOD_NOT_STARTED' });
  });

  it('the scheduler reports yesterday only for villages and grids that had cases', async () => {
    const log = (): void => undefined;
    const scheduler = new ReportScheduler(pool, generator, () => NOW, log, {
      intervalMs: 60_000,
      logEvery: 100,
    });
    const due = await scheduler.due();
    const mine = due
      .filter((t) => t.region.startsWith(place.township))
      .map((t) => [t.level, t.region, t.period.label]);
    expect(mine).toEqual([
      ['township', place.township, '2026-W46'],
      ['village', place.village, '2026-11-17'],
      ['grid', place.grid, '2026-11-17'],
    ]);
    expect(due[0]).toMatchObject({
      level: 'city',
      region: cityRegionCode(place.county),
      period: { label: '2026-10' },
    });
  });
});
