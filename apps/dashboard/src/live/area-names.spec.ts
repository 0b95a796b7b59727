import { districtName } from '../wall/wall-data';
import { areaCode, areaName } from './area-names';
import { causeName } from './group-strings';

describe('alert group labels', () => {
  const townships = new Map([['511902001', '东城街道']]);

  it.each([
    [
      'a known township by its district and township names',
      { county: '511902', township: '511902001' },
      '东城街道',
    ],
    [
      'an unknown township by its code until its name is loaded',
      { county: '511902', township: '511902099' },
      '511902099',
    ],
  ])('names %s', (_t, area, township) => {
    expect(areaName(area, townships)).toBe(`${districtName('511902')} ${township}`);
    expect(areaCode(area)).toBe(area.township);
  });

  it('names a county-wide area by its district', () => {
    expect(areaName({ county: '511902' }, townships)).toBe(districtName('511902'));
    expect(areaCode({ county: '511902' })).toBe('511902');
  });

  it.each([
    ['school', '学校'],
    ['station', '车站'],
    ['school/crowd', '学校/crowd'],
  ])('reads the cause %s as %s', (cause, name) => {
    expect(causeName(cause)).toBe(name);
  });
});
