import {
  ALERT_COLOURS,
  type AlertColour,
  type AlertQualityResponse,
  type BacktestResponse,
} from '@fengqiao/contracts';

/** One line of the side-by-side: what the proposed version would raise, the active replay, what did. */
export interface BacktestLine {
  readonly key: string;
  readonly wouldFire: number;
  /** The active version replayed over the same events; null when the candidate is the active one. */
  readonly activeReplay: number | null;
  readonly didFire: number;
}

const countOf = (rows: readonly { key: string; alerts: number }[], key: string): number =>
  rows.find((r) => r.key === key)?.alerts ?? 0;

/** Per level, red first, and a total line: the replays against the alerts stored for the period. */
export function compareByLevel(bt: BacktestResponse, actual: AlertQualityResponse): BacktestLine[] {
  const levels: AlertColour[] = [...ALERT_COLOURS].reverse();
  const lines = levels.map((c) => ({
    key: c,
    wouldFire: bt.candidate.byColour[c],
    activeReplay: bt.active === null ? null : bt.active.byColour[c],
    didFire: countOf(actual.byLevel, c),
  }));
  const sum = (pick: (l: BacktestLine) => number | null): number =>
    lines.reduce((n, l) => n + (pick(l) ?? 0), 0);
  return [
    ...lines,
    {
      key: 'total',
      wouldFire: sum((l) => l.wouldFire),
      activeReplay: bt.active === null ? null : sum((l) => l.activeReplay),
      didFire: actual.overall.alerts,
    },
  ];
}

/** Per rule of either side (the proposed set may add or drop rules), biggest difference first. */
export function compareByRule(bt: BacktestResponse, actual: AlertQualityResponse): BacktestLine[] {
  const keys = new Set([
    ...Object.keys(bt.candidate.byRule),
    ...Object.keys(bt.active?.byRule ?? {}),
    ...actual.byRule.map((r) => r.key),
  ]);
  return [...keys]
    .map((key) => ({
      key,
      wouldFire: bt.candidate.byRule[key] ?? 0,
      activeReplay: bt.active === null ? null : (bt.active.byRule[key] ?? 0),
      didFire: countOf(actual.byRule, key),
    }))
    .sort(
      (a, b) =>
        Math.abs(b.wouldFire - b.didFire) - Math.abs(a.wouldFire - a.didFire) || (a.key < b.key ? -1 : 1),
    );
}
