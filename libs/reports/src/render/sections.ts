import { type ReportModel } from '../model/report-model';
import {
  buildAlertOption,
  buildCameraOption,
  buildCategoryOption,
  buildTierOption,
  buildTrendOption,
} from './chart-options';
import { duration, escapeHtml as e, figure, percent, signedPercent, table } from './html';
import { renderChartSvg } from './render-svg';

const WIDE = 680;

function figureBlock(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${e(caption)}</figcaption></figure>`;
}

function kpi(label: string, value: string, note: string): string {
  return `<div class="kpi"><div class="kpi-label">${e(label)}</div><div class="kpi-value">${e(value)}</div><div class="kpi-note">${e(note)}</div></div>`;
}

export function overviewSection(m: ReportModel): string {
  const cards = [
    kpi(
      '受理案件',
      figure(m.casesIn.current, ' 件'),
      `环比 ${signedPercent(m.casesIn.changePercent)} · 同比 ${signedPercent(m.yearOnYear.changePercent)}`,
    ),
    kpi('办结案件', figure(m.casesClosed, ' 件'), '含往期受理、本期办结'),
    kpi('按期办结率', percent(m.onTimeRate), '按服务层级承诺时限'),
    kpi(
      '平均办理周期',
      duration(m.cycleTime.averageHours),
      `较上期 ${signedPercent(m.cycleTime.changePercent)}`,
    ),
    kpi(
      '预警',
      figure(m.summary.alerts, ' 条'),
      `红色 ${m.alerts.find((a) => a.colour === 'red')?.raised ?? 0} 条`,
    ),
    kpi('超期未结', figure(m.overdueTotal, ' 件'), '截至本期末'),
  ];
  const yoy =
    m.yearOnYear.changePercent === null
      ? `去年同期无可比数据（${m.yearOnYear.previous} 件）。`
      : `去年同期受理 ${m.yearOnYear.previous} 件，同比 ${signedPercent(m.yearOnYear.changePercent)}。`;
  const text = `本期受理 ${m.casesIn.current} 件（上期 ${m.casesIn.previous} 件），办结 ${m.casesClosed} 件；${yoy}平均办理周期 ${duration(m.cycleTime.averageHours)}（上期 ${duration(m.cycleTime.previousAverageHours)}）。`;
  return `<section><h2>一、总体情况</h2><div class="kpis">${cards.join('')}</div><p>${e(text)}</p></section>`;
}

export function categorySection(m: ReportModel): string {
  const rows = m.byCategory.map((r) => [e(r.label), figure(r.casesIn), figure(r.closed)]);
  const height = Math.max(160, 40 + m.byCategory.length * 28);
  const chart =
    m.byCategory.length === 0
      ? ''
      : figureBlock(renderChartSvg(buildCategoryOption(m.byCategory), WIDE, height), '图1 分类受理与办结');
  return `<section><h2>二、案件分类</h2>${chart}${table(['类别', '受理', '办结'], rows, '本期无案件。')}</section>`;
}

export function tierSection(m: ReportModel): string {
  const rows = m.byTier.map((r) => [
    e(r.label),
    e(r.promise),
    figure(r.casesIn),
    figure(r.closed),
    `${r.onTime} / ${r.onTime + r.late}`,
    percent(r.onTimeRate),
  ]);
  const chart = figureBlock(renderChartSvg(buildTierOption(m.byTier), WIDE, 260), '图2 服务层级与按期办结率');
  return `<section><h2>三、服务层级与按期办结</h2>${chart}${table(['层级', '承诺', '受理', '办结', '按期/到期', '按期率'], rows, '')}</section>`;
}

export function trendSection(m: ReportModel): string {
  const chart = renderChartSvg(buildTrendOption(m.trend), WIDE, 240);
  const unit = m.period.kind === 'day' ? '按小时' : '按日';
  return `<section><h2>四、受理趋势</h2>${figureBlock(chart, `图3 受理与办结趋势（${unit}）`)}</section>`;
}

export function hotspotSection(m: ReportModel): string {
  const rows = m.hotspots.map((h, i) => [
    String(i + 1),
    e(h.name),
    figure(h.casesIn),
    e(h.factors.join('；')),
  ]);
  return `<section><h2>五、热点区域</h2>${table(['排名', '区域', '案件', '主要因素'], rows, '本级无下级区域或本期无案件。')}</section>`;
}

export function alertSection(m: ReportModel): string {
  const rows = m.alerts.map((a) => [
    `<span class="dot ${a.colour}"></span>${e(a.label)}`,
    figure(a.raised),
    figure(a.acknowledged),
    figure(a.resolved),
    figure(a.mttaMinutes, ' 分钟'),
    figure(a.mttrMinutes, ' 分钟'),
  ]);
  const chart = figureBlock(renderChartSvg(buildAlertOption(m.alerts), 400, 220), '图4 三色预警数量');
  return `<section><h2>六、三色预警</h2>${chart}${table(['颜色', '发出', '已确认', '已处置', '平均确认时长(MTTA)', '平均处置时长(MTTR)'], rows, '')}</section>`;
}

export function cameraSection(m: ReportModel): string {
  const c = m.cameras;
  const chart =
    c.total === 0 ? '' : figureBlock(renderChartSvg(buildCameraOption(c), 400, 220), '图5 摄像头在线情况');
  const rows = c.worst.map((w) => [
    e(w.name),
    figure(w.total),
    figure(w.offline),
    percent(w.total === 0 ? null : w.offline / w.total),
  ]);
  const text = `接入摄像头 ${figure(c.total)} 路，在线 ${figure(c.online)} 路，离线 ${figure(c.offline)} 路，在线率 ${percent(c.onlineRate)}（生成时状态）。`;
  return `<section><h2>七、视频监控设备</h2><p>${e(text)}</p>${chart}${table(['区域', '摄像头', '离线', '离线率'], rows, '无离线摄像头。')}</section>`;
}

export function overdueSection(m: ReportModel): string {
  const rows = m.overdue.map((o) => [
    e(o.caseId),
    e(o.regionName),
    e(o.category),
    e(o.tier),
    e(o.dueAt),
    figure(o.overdueDays, ' 天'),
    e(
      o.party === null
        ? '—'
        : o.party.phone === undefined
          ? o.party.name
          : `${o.party.name} ${o.party.phone}`,
    ),
  ]);
  const more =
    m.overdueTotal > m.overdue.length
      ? `<p class="note">共 ${m.overdueTotal} 件，列出超期最久的 ${m.overdue.length} 件。</p>`
      : '';
  return `<section><h2>八、超期未结案件</h2>${table(['案件编号', '区域', '类别', '层级', '承诺到期', '已超期', '当事人（脱敏）'], rows, '无超期未结案件。')}${more}</section>`;
}
