import {
  type QuarterlyScorecard,
  SCORECARD_COLUMN_LABELS,
  SITE_TYPE_LABELS,
  type SiteTypeRow,
  type TownshipScore,
} from '@fengqiao/contracts';
import { cityDateTime } from '@fengqiao/domain';
import { escapeHtml as e, figure, percent, table } from '../render/html';

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; color: #1a1a1a;
  margin: 0 auto; max-width: 1100px; padding: 16px; font-size: 12px; line-height: 1.5; }
header { border-bottom: 3px solid #b00000; margin-bottom: 12px; }
h1 { font-size: 22px; margin: 0 0 4px; color: #b00000; }
h2 { font-size: 15px; border-left: 4px solid #2f5597; padding-left: 8px; margin: 16px 0 6px; }
.meta { color: #555; margin: 0 0 8px; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; }
th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; white-space: nowrap; }
th { background: #eef1f7; }
tr { break-inside: avoid; }
`;

const WEIGHT_LABELS: Readonly<Record<keyof QuarterlyScorecard['weights'], string>> = {
  onTime: '分级办结按时率',
  routing: '1个工作日内分流率',
  overdue: '超期未结（件数）',
  satisfaction: '群众满意率',
  jointMediation: '联合调解占比',
};

const rank = (r: number | null): string => (r === null ? '—' : String(r));

function townshipRow(t: TownshipScore): string[] {
  return [
    rank(t.rankInCity),
    rank(t.rankInCounty),
    e(t.name),
    e(t.countyName),
    t.score === null ? '—' : t.score.toFixed(1),
    percent(t.onTimeRate),
    percent(t.routingRate),
    figure(t.overdue),
    percent(t.satisfiedShare),
    percent(t.jointMediationShare),
    figure(t.casesIn),
  ];
}

function weightsSection(s: QuarterlyScorecard): string {
  const rows = (Object.keys(s.weights) as (keyof QuarterlyScorecard['weights'])[]).map((k) => [
    e(WEIGHT_LABELS[k]),
    String(s.weights[k]),
  ]);
  return `<section><h2>评分方法</h2>${table(['指标', '权重'], rows, '')}
<p class="meta">各项折算为 0–1 后加权（满分 100）：按时率、分流率、满意率取比率；超期未结每件扣该项 1/10；
联合调解占比以全市最高者为 1。无可计量的项不计分，其余项按权重重新归一。权重来源见 docs/assessment.md。</p></section>`;
}

/** Camera counts, online rate and township coverage per site type. */
export function siteTypeSection(rows: readonly SiteTypeRow[]): string {
  const body = rows.map((r) => [
    e(SITE_TYPE_LABELS[r.siteType]),
    figure(r.total),
    figure(r.online),
    percent(r.onlineRate),
    `${figure(r.townshipsCovered)}（${percent(r.coverage)}）`,
  ]);
  return `<section><h2>视频监控覆盖（按场所类型）</h2>${table(
    ['场所类型', '摄像头', '在线', '在线率', '覆盖乡镇（覆盖率）'],
    body,
    '暂无摄像头',
  )}</section>`;
}

/** The quarterly assessment as one self-contained HTML document (A4 landscape for printing). */
export function renderScorecardHtml(s: QuarterlyScorecard, siteTypes: readonly SiteTypeRow[]): string {
  const title = `乡镇（街道）综治中心季度考评（${s.quarter.label.replace('-Q', '年第')}季度）`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${e(title)}</title><style>${CSS}</style></head>
<body><header><h1>${e(title)}</h1>
<p class="meta">考评期 ${e(s.quarter.start)} 至 ${e(s.quarter.end)}（不含）· ${s.complete ? '已结束' : '进行中，数据截至'} ${e(cityDateTime(Date.parse(s.asOf)))}</p></header>
${weightsSection(s)}
<section><h2>排名</h2>${table(SCORECARD_COLUMN_LABELS, s.townships.map(townshipRow), '本季度无乡镇数据')}</section>
${siteTypeSection(siteTypes)}
</body></html>`;
}
