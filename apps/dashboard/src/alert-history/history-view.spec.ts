import {
  formatDuration,
  formatRate,
  historySearch,
  listQuery,
  parseHistoryView,
  qualityQuery,
} from './history-view';

const U = { s: '秒', m: '分', h: '小时', d: '天' };
const NOW = Date.parse('2026-12-07T06:30:20.000Z');

describe('history view in the URL', () => {
  it('round-trips every filter and leaves defaults out', () => {
    const v = parseHistoryView('?days=30&level=red&state=resolved&region=511902001&rule=crowd-surge');
    expect(v).toEqual({
      days: 30,
      colour: 'red',
      state: 'resolved',
      region: '511902001',
      ruleId: 'crowd-surge',
    });
    expect(parseHistoryView(historySearch(v))).toEqual(v);
    expect(historySearch(parseHistoryView(''))).toBe('');
  });

  it.each([
    ['an unknown period', '?days=5', { days: 7 }],
    ['an unknown level', '?level=purple', { colour: '' }],
    ['a region that is no county or township', '?region=51', { region: '' }],
    ['a rule id with spaces', '?rule=a%20b', { ruleId: '' }],
  ])('falls back to the default for %s', (_t, search, expected) => {
    expect(parseHistoryView(search)).toMatchObject(expected);
  });

  it('asks the figures without the state and the list with it, over the period ending now', () => {
    const v = parseHistoryView('?days=1&state=raised&level=blue');
    expect(qualityQuery(v, NOW)).toEqual({
      from: '2026-12-06T06:31:00.000Z',
      to: '2026-12-07T06:31:00.000Z',
      colour: 'blue',
    });
    expect(listQuery(v, NOW, 'abc')).toMatchObject({ state: 'raised', cursor: 'abc', limit: 20 });
  });
});

describe('formatting', () => {
  it.each([
    [null, '—'],
    [0, '0秒'],
    [45_000, '45秒'],
    [125_000, '2分5秒'],
    [3_600_000 + 5 * 60_000 + 7_000, '1小时5分'],
    [2 * 86_400_000 + 3_600_000 * 3, '2天3小时'],
    [86_400_000 + 30_000, '1天'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms, U)).toBe(text);
  });

  it.each([
    [null, '—'],
    [0, '0.0%'],
    [1 / 3, '33.3%'],
    [1, '100.0%'],
  ])('rate %s reads %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
});
