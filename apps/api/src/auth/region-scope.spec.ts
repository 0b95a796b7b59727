import { ApiError } from '../common/api-error';
import { assertRegionVisible, codeInScope, scopeRegionQuery } from './region-scope';

const code = (fn: () => unknown): string => {
  try {
    fn();
    return 'served';
  } catch (err) {
    return err instanceof ApiError ? err.code : 'other';
  }
};

describe('region scope of read queries (issue 17 #9)', () => {
  it.each([
    ['a city-wide user, any region', [], { county: '511923' }, { county: '511923' }],
    ['a county user, nothing named: narrowed to the county', ['511902'], {}, { county: '511902' }],
    [
      'a township user, nothing named: narrowed to the township',
      ['511902001'],
      {},
      { county: '511902', township: '511902001' },
    ],
    ['a county user, a township inside', ['511902'], { township: '511902003' }, { township: '511902003' }],
    ['a county user, a grid cell inside', ['511902'], { grid: '5119020030010' }, { grid: '5119020030010' }],
  ])('serves %s', (_t, regions, q, expected) => {
    expect(scopeRegionQuery(regions, q)).toEqual(expected);
  });

  it.each([
    ['another county', ['511902'], { county: '511923' }],
    ['a township of another county', ['511902'], { township: '511923001' }],
    ['the county around a township scope', ['511902001'], { county: '511902' }],
    ['nothing named with two regions (which one?)', ['511902', '511923'], {}],
  ])('refuses %s with OUT_OF_SCOPE', (_t, regions, q) => {
    expect(code(() => scopeRegionQuery(regions, q))).toBe('OUT_OF_SCOPE');
  });

  it('lets a township user name their county where the answer is cut to the township', () => {
    expect(code(() => assertRegionVisible(['511902001'], '511902', 'county'))).toBe('served');
    expect(code(() => assertRegionVisible(['511902001'], '511923', 'county'))).toBe('OUT_OF_SCOPE');
    expect(codeInScope(['511902001'], '511902')).toBe(false);
    expect(codeInScope(['511902'], '511902001')).toBe(true);
  });
});
