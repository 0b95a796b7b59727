import {
  ancestry,
  apiBucket,
  apiParams,
  breakdownParams,
  drillDown,
  drillUp,
  levelOf,
  panelRegion,
  parseView,
  viewToSearch,
} from './view-state';

describe('the analysis view in the URL', () => {
  it('round-trips through the query string, defaults left out', () => {
    const view = { region: '511902', category: 'traffic', bucket: 'week' as const, days: 90 };
    expect(viewToSearch(view)).toBe('?region=511902&category=traffic&bucket=week&days=90');
    expect(parseView(viewToSearch(view))).toEqual(view);
    expect(viewToSearch(parseView(''))).toBe('');
  });

  it.each([
    ['?region=999999', { region: '' }],
    ['?region=511902001001', { region: '' }],
    ['?region=5119020010010011', { region: '' }],
    ['?category=DROP%20TABLE', { category: '' }],
    ['?bucket=year', { bucket: 'day' }],
    ['?days=13', { days: 30 }],
    ['?bucket=hour&days=365', { bucket: 'day' }],
  ])('repairs %s', (search, expected) => {
    expect(parseView(search)).toEqual(expect.objectContaining(expected));
  });

  it('drills city → county → township and back', () => {
    const city = parseView('');
    const county = drillDown(city, '511921');
    const township = drillDown(county, '511921004');
    expect([county.region, township.region]).toEqual(['511921', '511921004']);
    expect(drillDown(township, '511921004001')).toBe(township);
    expect(drillDown(county, '511902001')).toBe(county);
    expect(drillUp(township).region).toBe('511921');
    expect(drillUp(drillUp(township)).region).toBe('');
  });

  it('drills a township into its grid cells, the bottom, and back up level by level', () => {
    const township = parseView('?region=511921004&bucket=week');
    const cell = drillDown(township, '511921004002003');
    expect(cell).toEqual({ ...township, region: '511921004002003' });
    expect(parseView(viewToSearch(cell))).toEqual(cell);
    expect(levelOf(cell.region)).toBe('grid');
    expect(drillDown(cell, '511921004002004')).toBe(cell);
    expect(drillDown(township, '511921005002003')).toBe(township);
    expect(drillUp(cell)).toEqual(township);
    expect(ancestry(cell.region)).toEqual(['', '511921', '511921004', '511921004002003']);
    expect(ancestry('')).toEqual(['']);
  });

  it('asks for a township’s grid cells in the breakdown only, and a cell by its code', () => {
    const now = Date.parse('2026-11-27T00:00:00.000Z');
    const township = parseView('?region=511921004');
    expect(breakdownParams(township, now)).toMatchObject({ township: '511921004', level: 'grid' });
    expect(apiParams(township, now).level).toBeUndefined();
    const cell = drillDown(township, '511921004002003');
    expect(apiParams(cell, now)).toMatchObject({
      county: '511921',
      township: '511921004',
      grid: '511921004002003',
    });
    expect(breakdownParams(cell, now).level).toBeUndefined();
    expect(panelRegion(cell)).toBe('511921004');
    expect(panelRegion(parseView(''))).toBeUndefined();
  });

  it('asks the API for the county and township of a township view, and days for months', () => {
    const now = Date.parse('2026-11-27T00:00:00.000Z');
    expect(apiParams({ region: '511921004', category: '', bucket: 'month', days: 7 }, now)).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-27T00:00:00.000Z',
      county: '511921',
      township: '511921004',
      grid: undefined,
      category: undefined,
    });
    expect(apiBucket('month')).toBe('day');
  });
});
