import { cityDateTime } from '@fengqiao/domain';
import { siteTypeSection } from '../assessment/render-scorecard';
import { LEVEL_LABELS } from '../labels';
import { type ReportModel } from '../model/report-model';
import { escapeHtml as e } from './html';
import {
  alertSection,
  cameraSection,
  categorySection,
  hotspotSection,
  overdueSection,
  overviewSection,
  tierSection,
  trendSection,
} from './sections';

/** A4 portrait, charts and tables kept whole across pages, black on white for printing. */
const CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  color: #1a1a1a; margin: 0 auto; max-width: 760px; padding: 16px; font-size: 13px; line-height: 1.6; }
header { border-bottom: 3px solid #b00000; margin-bottom: 12px; }
h1 { font-size: 22px; margin: 0 0 4px; color: #b00000; }
h2 { font-size: 16px; border-left: 4px solid #2f5597; padding-left: 8px; margin: 18px 0 8px; }
.meta { color: #555; font-size: 12px; margin: 0 0 8px; }
section { break-inside: avoid-page; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin-bottom: 8px; }
.kpi { border: 1px solid #ccd; border-radius: 4px; padding: 6px 10px; }
.kpi-label { color: #555; font-size: 12px; }
.kpi-value { font-size: 20px; font-weight: 700; }
.kpi-note { color: #666; font-size: 11px; }
figure { margin: 4px 0 8px; break-inside: avoid; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 11px; color: #555; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; font-size: 12px; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef1f7; }
/* Short cells stay on one line; the last column (factors, parties) takes the rest. */
td:not(:last-child) { white-space: nowrap; }
tr { break-inside: avoid; }
.empty, .note { color: #666; font-size: 12px; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }
.dot.blue { background: #1e6fd9; } .dot.orange { background: #f08c00; } .dot.red { background: #d9302c; }
footer { border-top: 1px solid #ccc; margin-top: 16px; padding-top: 6px; color: #666; font-size: 11px; }
@media print { body { max-width: none; padding: 0; } }
`;

/** `2026-11-27T05:30:00.000Z` → `2026-11-27 13:30` (the city's local time). */
function shanghaiTime(iso: string): string {
  return cityDateTime(Date.parse(iso));
}

/** Last day of a half-open period, for the heading. */
function lastDay(end: string): string {
  return new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The whole report as one HTML document: inline CSS and SVG, no script, no external resource;
 * `cityName`: the configured city's (libs/geo `cityNameOf`), whose center issues it (the footer).
 */
export function renderReportHtml(m: ReportModel, cityName: string): string {
  const range = m.period.kind === 'day' ? m.period.start : `${m.period.start} 至 ${lastDay(m.period.end)}`;
  const meta = `${LEVEL_LABELS[m.level]} · ${m.region} · 统计周期 ${range}（北京时间） · 生成于 ${shanghaiTime(m.generatedAt)}`;
  const sections = [
    overviewSection,
    categorySection,
    tierSection,
    trendSection,
    hotspotSection,
    alertSection,
    cameraSection,
    (r: ReportModel) => (r.siteTypes.length === 0 ? '' : siteTypeSection(r.siteTypes)),
    overdueSection,
  ].map((s) => s(m));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(m.title)}</h1><p class="meta">${e(meta)}</p></header>
${sections.join('\n')}
<footer>${e(cityName)}综治中心 · 枫桥平台自动生成。当事人信息已按规定脱敏（姓氏+某、手机号中间四位隐藏、不含身份证号）。</footer>
</body>
</html>
`;
}
