import { enrolLink, parseRegions, regionsText } from './user-form';

describe('administration screen helpers', () => {
  it.each([
    ['', []],
    ['511902', ['511902']],
    ['511902, 511902001', ['511902', '511902001']],
    ['511902，511923  511902001001001', ['511902', '511923', '511902001001001']],
  ])('parseRegions(%j)', (text, expected) => {
    expect(parseRegions(text)).toEqual(expected);
  });

  it('shows an empty scope as the whole city', () => {
    expect(regionsText([], '全市')).toBe('全市');
    expect(regionsText(['511902', '511923'], '全市')).toBe('511902、511923');
  });

  it('puts the device token in the fragment of the enrolment link', () => {
    expect(enrolLink('http://wall.local', 'fqd_x')).toBe('http://wall.local/enrol#fqd_x');
  });
});
