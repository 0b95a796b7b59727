import { BUILT_IN_DISTRICTS } from '@fengqiao/geo';
import { EMPTY_REGION, regionDraftOf } from '../common/region-cascade';
import { draftRegion } from '../reports/report-view';
import { cityCode, cityDistricts, districtOf, setCityDistricts } from './city-districts';

// The dashboard follows the configured city's outlines (issue 21): another city's districts replace
// the built-in ones for names, the city code and which region codes a link may carry.
const NANCHONG = [
  { code: '511302', name: '顺庆区', pinyin: '顺庆区', seat: { lon: 106.09, lat: 30.8 }, areaKm2: 570 },
  { code: '511381', name: '阆中市', pinyin: '阆中市', seat: { lon: 106.0, lat: 31.56 }, areaKm2: 1878 },
];

describe('the city the dashboard serves', () => {
  afterEach(() => setCityDistricts(BUILT_IN_DISTRICTS));

  it('is the built-in city until outlines load: 511900', () => {
    expect(cityCode()).toBe('511900');
    expect(districtOf('511921004')?.name).toBe('通江县');
  });

  it('is the configured city once its outlines loaded: 南充 511300', () => {
    setCityDistricts(NANCHONG);
    expect(cityDistricts().map((d) => d.code)).toEqual(['511302', '511381']);
    expect(cityCode()).toBe('511300');
    expect(districtOf('511381101')?.name).toBe('阆中市');
    expect(draftRegion({ level: 'city', region: EMPTY_REGION })).toBe('511300');
    expect(regionDraftOf('511302001').township).toBe('511302001');
    expect(regionDraftOf('511902001')).toEqual(EMPTY_REGION);
  });

  it('keeps the list it has when handed an empty one', () => {
    setCityDistricts([]);
    expect(cityCode()).toBe('511900');
  });
});
