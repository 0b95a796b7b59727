import { aCase, bj, countyMonth } from '../__fixtures__/report-input';
import { siteTypeRows } from '../assessment/site-types';
import { buildReportModel } from '../model/build-report-model';
import { renderReportHtml } from './html-report';

const PARTY = { name: '欧阳娜娜', phone: '13912345678' };

const html = renderReportHtml(
  buildReportModel(
    countyMonth({
      cases: [
        aCase('2026-11-02T09:00', { tier: 'general', party: PARTY }),
        aCase('2026-11-03T09:00', {
          tier: 'simple',
          category: 'labour-wages',
          doneAt: bj('2026-11-03T11:00'),
        }),
      ],
      lastYearCasesIn: 8,
      alerts: [
        {
          colour: 'red',
          raisedAt: bj('2026-11-04T10:00'),
          acknowledgedAt: bj('2026-11-04T10:07'),
          resolvedAt: null,
        },
      ],
      cameras: [{ region: '511902001', total: 120, offline: 9 }],
      subRegionNames: { '511902001': '东城<街道>' },
    }),
  ),
  '巴中市',
);

describe('renderReportHtml', () => {
  it('names the configured city’s center in the footer, not a fixed one', () => {
    expect(html).toContain('<footer>巴中市综治中心 · ');
    const model = buildReportModel(countyMonth({ cases: [] }));
    expect(renderReportHtml(model, '南充市')).toContain('<footer>南充市综治中心 · ');
    expect(renderReportHtml(model, '南充市')).not.toContain('巴中市');
  });

  it('has camera coverage and online rate by site type where the loader measured them (issue 21)', () => {
    const siteTypes = siteTypeRows([{ siteType: 'school', total: 40, online: 38, townships: 3 }], 4);
    const withSites = renderReportHtml(buildReportModel(countyMonth({ cases: [], siteTypes })), '巴中市');
    expect(withSites).toContain('视频监控覆盖（按场所类型）');
    expect(withSites).toMatch(/学校<\/td><td[^>]*>40<\/td><td[^>]*>38<\/td><td[^>]*>95\.0 ?%/);
    expect(html).not.toContain('视频监控覆盖（按场所类型）');
  });

  it('is one self-contained Chinese document: inline SVG charts, no script, no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('巴州区矛盾纠纷分析月报（2026年11月）');
    expect(html.match(/<svg /g)?.length).toBe(5);
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
    expect(html).toContain('@page');
  });

  it('shows the figures of the model', () => {
    expect(html).toContain('2 件'); // cases in
    expect(html).toContain('同比 −75.0%'); // 2 against 8 a year ago
    expect(html).toContain('劳资欠薪');
    expect(html).toContain('<td>7 分钟</td>'); // MTTA of the red alert
    expect(html).toContain('接入摄像头 120 路，在线 111 路，离线 9 路，在线率 92.5%');
    expect(html).toContain('50.0%'); // one of two judged cases on time
  });

  it('carries no personal data: masked name and phone only, no ID number', () => {
    expect(html).toContain('欧阳某 139****5678');
    expect(html).not.toContain(PARTY.name);
    expect(html).not.toContain(PARTY.phone);
    expect(html).not.toMatch(/\d{17}[\dX]/);
  });

  it('escapes names that come from the data', () => {
    expect(html).toContain('东城&lt;街道&gt;');
    expect(html).not.toContain('东城<街道>');
  });
});
