import { recentQuarters, scoreText, share } from './assessment-view';

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
});
