import { apiBucket, apiParams, drillDown, drillUp, parseView, viewToSearch } from './view-state';

describe('the analysis view in the URL', () => {
  it('round-trips through the query string, defaults left out', () => {
    const view = { region: '511902', category: 'traffic', bucket: 'week' as const, days: 90 };
    expect(viewToSearch(view)).toBe('?region=511902&category=traffic&bucket=week&days=90');
    expect(parseView(viewToSearch(view))).toEqual(view);
    expect(viewToSearch(parseView(''))).toBe('');
  });

  it.each([
    ['?region=999999', { region: '' }],
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

  it('asks the API for the county and township of a township view, and days for months', () => {
    const now = Date.parse('2026-11-27T00:00:00.000Z');
    expect(apiParams({ region: '511921004', category: '', bucket: 'month', days: 7 }, now)).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-27T00:00:00.000Z',
      county: '511921',
      township: '511921004',
      category: undefined,
    });
    expect(apiBucket('month')).toBe('day');
  });
});
