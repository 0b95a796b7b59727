import { regionVisible } from './region-scope';

describe('regionVisible', () => {
  it('shows everything to a city-wide caller', () => {
    expect(regionVisible([], '511921001')).toBe(true);
  });

  it('shows a county-scoped caller their county and what lies in it, not the other counties', () => {
    expect(regionVisible(['511902'], '511902')).toBe(true);
    expect(regionVisible(['511902'], '511902001002')).toBe(true);
    expect(regionVisible(['511902'], '511903')).toBe(false);
    expect(regionVisible(['511902'], '511903001')).toBe(false);
  });

  it('shows a township-scoped caller the ancestors they pick through, not the sibling townships', () => {
    expect(regionVisible(['511902003'], '511902')).toBe(true);
    expect(regionVisible(['511902003'], '511902003004')).toBe(true);
    expect(regionVisible(['511902003'], '511902004')).toBe(false);
  });
});
