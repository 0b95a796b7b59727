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
    const mid = dueReports('2026-11-27', { counties: ['511902'], townships: [], villages: [], grids: [] });
    expect(mid.map((t) => t.period.label)).toEqual(['2026-10', '2026-10']);
  });

  it('the city report is of the city the regions belong to (another city: 511300)', () => {
    const other = dueReports('2026-12-01', {
      counties: ['511302', '511303'],
      townships: [],
      villages: [],
      grids: [],
    });
    expect(other.map((t) => [t.level, t.region])).toEqual([
      ['city', '511300'],
      ['county', '511302'],
      ['county', '511303'],
    ]);
  });
});
