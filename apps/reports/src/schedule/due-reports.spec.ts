import { dueReports } from './due-reports';

describe('dueReports', () => {
  const targets = dueReports('2026-12-01', {
    counties: ['511902', '511903'],
    townships: ['511902001'],
    villages: ['511902001001'],
    grids: ['511902001001001', '511902001001002'],
  });

  it('city and counties get last month, townships last week, active villages and grids yesterday', () => {
    expect(targets.map((t) => [t.level, t.region, t.period.label])).toEqual([
      ['city', '511900', '2026-11'],
      ['county', '511902', '2026-11'],
      ['county', '511903', '2026-11'],
      ['township', '511902001', '2026-W48'],
      ['village', '511902001001', '2026-11-30'],
      ['grid', '511902001001001', '2026-11-30'],
      ['grid', '511902001001002', '2026-11-30'],
    ]);
  });

  it('mid-month the monthly reports are still of the previous month', () => {
    const mid = dueReports('2026-11-27', { counties: [], townships: [], villages: [], grids: [] });
    expect(mid.map((t) => t.period.label)).toEqual(['2026-10']);
  });
});
