import { type ReactNode } from 'react';
import { type KpiSnapshot, type KpiTile, type ServiceTier } from '@fengqiao/contracts';
import { shortAge, useNow } from '../common/hooks';
import { currentLang, L, M, S } from '../i18n/strings';
import { cycleTime, jointCycleHint, overallOnTime, percent, signedPercent, tileAge } from './kpi-view';
import { useKpis } from './live-data';

const lang = currentLang(window.location.search);

const LABELS: Readonly<Record<KpiTile, string>> =
  lang === 'en'
    ? {
        casesToday: 'Cases today',
        routedWithinOneWorkingDay: 'Routed ≤ 1 day',
        onTimeByTier: 'On time (tiers)',
        resolutionRate: 'Resolution rate',
        averageCycleHours: 'Avg. cycle time',
        disputesYearOnYear: 'Disputes YoY',
        satisfaction: 'Satisfaction',
        camerasOnline: 'Cameras online',
        openAlerts: 'Open alerts',
      }
    : {
        casesToday: '今日受理',
        routedWithinOneWorkingDay: '1日内分流率',
        onTimeByTier: '时限按时率',
        resolutionRate: '化解率',
        averageCycleHours: '平均办理周期',
        disputesYearOnYear: '纠纷同比',
        satisfaction: '群众满意度',
        camerasOnline: '摄像头在线',
        openAlerts: '未处置预警',
      };

/** Short tier names for the on-time tile's hint (政策咨询 … 重大纠纷). */
const TIER_SHORT: Readonly<Record<ServiceTier, string>> =
  lang === 'en'
    ? { consultation: 'consult.', simple: 'simple', general: 'general', complex: 'complex', major: 'major' }
    : { consultation: '咨询', simple: '简易', general: '一般', complex: '复杂', major: '重大' };

/** "复杂 82%": the tier furthest behind its promise, the one to look at (none rated yet: undefined). */
function lowestTier(rows: KpiSnapshot['onTimeByTier']['rows']): string | undefined {
  const rated = rows.filter((r) => r.rate !== null).sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
  const worst = rated[0];
  return worst === undefined ? undefined : `${M.lowestTier} ${TIER_SHORT[worst.tier]} ${percent(worst.rate)}`;
}
const TILES: readonly KpiTile[] = [
  'casesToday',
  'openAlerts',
  'camerasOnline',
  'routedWithinOneWorkingDay',
  'onTimeByTier',
  'resolutionRate',
  'averageCycleHours',
  'disputesYearOnYear',
  'satisfaction',
];

/** The figure of one tile (and a small second line where one number is not the whole story). */
function tileValue(s: KpiSnapshot, tile: KpiTile): { value: ReactNode; hint?: string } {
  switch (tile) {
    case 'casesToday':
      return { value: s.casesToday.value.toLocaleString() };
    case 'openAlerts':
      return {
        value: (['red', 'orange', 'blue'] as const).map((c) => (
          <span key={c} className={`kpi__${c}`} title={L.colour[c]} data-colour={c}>
            {s.openAlerts[c]}
          </span>
        )),
      };
    case 'camerasOnline':
      return {
        value: percent(s.camerasOnline.share),
      };
    case 'routedWithinOneWorkingDay':
      return { value: percent(s.routedWithinOneWorkingDay.rate) };
    case 'onTimeByTier':
      return {
        value: percent(overallOnTime(s.onTimeByTier.rows)),
        hint: lowestTier(s.onTimeByTier.rows),
      };
    case 'resolutionRate':
      return { value: percent(s.resolutionRate.rate) };
    case 'averageCycleHours':
      return {
        value: cycleTime(s.averageCycleHours.value, lang),
        hint: jointCycleHint(s.averageCycleHours.jointMediation, M.jointMediation, lang),
      };
    case 'disputesYearOnYear':
      return { value: signedPercent(s.disputesYearOnYear.changePercent), hint: S.days(s.windowDays) };
    case 'satisfaction':
      return {
        value: s.satisfaction.average === null ? '—' : s.satisfaction.average.toFixed(2),
        hint: s.satisfaction.satisfiedShare === null ? undefined : percent(s.satisfaction.satisfiedShare),
      };
  }
}

function Tile({
  tile,
  snapshot,
  now,
  failed,
}: {
  tile: KpiTile;
  snapshot?: KpiSnapshot;
  now: number;
  failed: boolean;
}) {
  const age = snapshot === undefined ? undefined : tileAge(snapshot, tile, now);
  const shown = snapshot === undefined ? { value: '—' } : tileValue(snapshot, tile);
  const pending = snapshot === undefined && failed;
  return (
    <div
      className={`kpi${age?.stale === true ? ' kpi--stale' : ''}${pending ? ' kpi--pending' : ''}`}
      data-testid={`kpi-${tile}`}
      data-as-of={snapshot?.[tile].asOf ?? ''}
    >
      <div className="kpi__label">{LABELS[tile]}</div>
      <div className="kpi__value">
        {shown.value}
        {shown.hint !== undefined && <span className="kpi__hint">{shown.hint}</span>}
      </div>
      <div className="kpi__fresh">
        {age === undefined
          ? pending
            ? S.awaitingApi
            : ''
          : age.stale
            ? `⚠ ${S.stale} · ${S.updatedAgo(shortAge(age.ageMs, lang))}`
            : S.updatedAgo(shortAge(age.ageMs, lang))}
      </div>
    </div>
  );
}

/** The nine KPI tiles; each shows its own freshness (its `asOf`) and turns stale on its own. */
export function KpiTiles() {
  const now = useNow(1000);
  const { snapshot, rest } = useKpis();
  return (
    <section className="panel kpis" aria-label="KPI" data-scope={snapshot?.scope.region ?? 'city'}>
      {TILES.map((t) => (
        <Tile key={t} tile={t} snapshot={snapshot} now={now} failed={rest.error !== undefined} />
      ))}
    </section>
  );
}
