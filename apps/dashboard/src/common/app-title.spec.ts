import { titleOf } from './app-title';

// Issue 21: the title names the configured city (the API's health answer), never a fixed one.
describe('the dashboard title', () => {
  it('names the configured city, and no city until its name is known', () => {
    expect(titleOf('南充市')).toBe('枫桥 · 南充市综治中心');
    expect(titleOf('巴中市')).toBe('枫桥 · 巴中市综治中心');
    expect(titleOf(undefined)).toBe('枫桥 · 综治中心');
  });
});
