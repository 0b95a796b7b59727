import { type TownshipScore } from '@fengqiao/contracts';
import { recentQuarters, scorecardRows, scoreText, share } from './assessment-view';

const row = (township: string, score: number | null): TownshipScore =>
  ({ township, score, rankInCity: score === null ? null : 1 }) as TownshipScore;

describe('assessment view', () => {
  it.each([
    ['2026-12-07', ['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']],
    ['2026-02-01', ['2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2']],
  ])('the quarters before %s', (today, quarters) => {
    expect(recentQuarters(today, 4)).toEqual(quarters);
  });

  it('formats shares and scores, a dash for nothing measured', () => {
    expect([share(0.9644), share(null), scoreText(23.5), scoreText(null)]).toEqual([
      '96.4%',
      '—',
      '23.5',
      '—',
    ]);
  });

  it('lists every township: the ranked first, then the ones with nothing measured (a quarter without facts is no empty table)', () => {
    const rows = scorecardRows([row('511902001', null), row('511902002', 80.5), row('511903001', null)]);
    expect(rows.shown.map((r) => r.township)).toEqual(['511902002', '511902001', '511903001']);
    expect(rows.unscored).toBe(2);
    expect(scorecardRows([row('511902001', null)]).shown).toHaveLength(1);
  });
});
