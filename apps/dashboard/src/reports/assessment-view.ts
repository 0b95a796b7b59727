import { type TownshipScore } from '@fengqiao/contracts';

/** The quarter of a Beijing date and the `n − 1` before it, newest first: `2026-Q4`, `2026-Q3`, … */
export function recentQuarters(today: string, n: number): string[] {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

/** `96.4%` with one decimal, `—` when there is nothing to rate. */
export const share = (v: number | null): string =>
  v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`;

/** A score to one decimal, `—` when the township had nothing measured. */
export const scoreText = (v: number | null): string => (v === null ? '—' : v.toFixed(1));

/**
 * The rows of the scorecard: every township of the registry, the ranked ones first (best first, as
 * the API sorts), then the ones with nothing measured this quarter, unranked (the scorecard lists
 * them; hiding them left an empty table on a quarter without facts), and how many those are.
 */
export function scorecardRows(rows: readonly TownshipScore[]): { shown: TownshipScore[]; unscored: number } {
  const scored = rows.filter((r) => r.score !== null);
  const unscored = rows.filter((r) => r.score === null);
  return { shown: [...scored, ...unscored], unscored: unscored.length };
}
