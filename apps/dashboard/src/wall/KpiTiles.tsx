import { type ReactNode } from 'react';
import { isStale, shortAge, useNow, usePolled, type Polled } from '../common/hooks';
import { currentLang, L, S } from '../i18n/strings';
import { countOpenByColour } from '../live/alert-book';
import { useLiveAlerts } from '../live/LiveAlerts';
import { fetchCamerasOnline, fetchCasesToday, fetchDisputesYoy } from './wall-data';

const lang = currentLang(window.location.search);

interface TileProps {
  readonly id: string;
  readonly label: string;
  readonly children: ReactNode;
  /** Undefined: the API does not provide this figure yet. */
  readonly freshness?: { readonly fetchedAt: number | undefined; readonly intervalMs: number };
  readonly now: number;
}

function Tile({ id, label, children, freshness, now }: TileProps) {
  const stale = freshness !== undefined && isStale(freshness, now);
  return (
    <div
      className={`kpi${stale ? ' kpi--stale' : ''}${freshness === undefined ? ' kpi--pending' : ''}`}
      data-testid={`kpi-${id}`}
    >
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{children}</div>
      <div className="kpi__fresh">
        {freshness === undefined
          ? S.awaitingApi
          : stale
            ? `⚠ ${S.stale}`
            : freshness.fetchedAt !== undefined && S.updatedAgo(shortAge(now - freshness.fetchedAt, lang))}
      </div>
    </div>
  );
}

const value = <T,>(p: Polled<T>, show: (t: T) => ReactNode): ReactNode =>
  p.data === undefined ? '—' : show(p.data);
const LABELS =
  lang === 'en'
    ? {
        cases: 'Cases today',
        routed: 'Routed ≤ 1 day',
        onTime: 'On time (tiers)',
        resolution: 'Resolution rate',
        cycle: 'Avg. cycle time',
        yoy: 'Disputes YoY (30 d)',
        satisfaction: 'Satisfaction',
        cameras: 'Cameras online',
        open: 'Open alerts',
      }
    : {
        cases: '今日受理',
        routed: '1日内分流率',
        onTime: '时限按时率',
        resolution: '化解率',
        cycle: '平均办理周期',
        yoy: '纠纷同比·30天',
        satisfaction: '群众满意度',
        cameras: '摄像头在线',
        open: '未处置预警',
      };

/** The KPI tiles; each shows its own freshness, and says so when its data is stale. */
export function KpiTiles() {
  const now = useNow(1000);
  const { book, status } = useLiveAlerts();
  const cases = usePolled(fetchCasesToday, 30_000);
  const yoy = usePolled(fetchDisputesYoy, 300_000);
  const cameras = usePolled(fetchCamerasOnline, 30_000);
  const open = countOpenByColour(book.alerts.values());
  const liveFresh = { fetchedAt: status === 'live' ? now : undefined, intervalMs: 10_000 };
  return (
    <section className="panel kpis" aria-label="KPI">
      <Tile id="cases" label={LABELS.cases} freshness={cases} now={now}>
        {value(cases, (n) => n.toLocaleString())}
      </Tile>
      <Tile id="open" label={LABELS.open} freshness={liveFresh} now={now}>
        <span className="kpi__red" title={L.colour.red}>
          {open.red}
        </span>
        <span className="kpi__orange" title={L.colour.orange}>
          {open.orange}
        </span>
        <span className="kpi__blue" title={L.colour.blue}>
          {open.blue}
        </span>
      </Tile>
      <Tile id="cameras" label={LABELS.cameras} freshness={cameras} now={now}>
        {value(cameras, (c) => (c.share === null ? '—' : `${(c.share * 100).toFixed(1)}%`))}
      </Tile>
      <Tile id="yoy" label={LABELS.yoy} freshness={yoy} now={now}>
        {value(yoy, (y) =>
          y.changePercent === null ? '—' : `${y.changePercent > 0 ? '+' : ''}${y.changePercent}%`,
        )}
      </Tile>
      {(['routed', 'onTime', 'resolution', 'cycle', 'satisfaction'] as const).map((k) => (
        <Tile key={k} id={k} label={LABELS[k]} now={now}>
          —
        </Tile>
      ))}
    </section>
  );
}
