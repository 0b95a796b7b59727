import { type RegionNode } from '@fengqiao/contracts';
import { DERIVED_TOWNSHIP_NOTE, pointInMultiPolygon, type MultiPolygonRings } from '@fengqiao/geo';
import { buildDrillMapOption } from '../charts/builders/drill-map-option';
import { schematicMap } from './district-map';
import { townshipAreasOf } from './township-areas';

// Issue 21: a county zoomed in shows its townships' derived areas, and says they are derived.
const map = schematicMap();
const township = (code: string, name: string, lon: number, lat: number): RegionNode => ({
  code,
  name,
  level: 'township',
  point: { lon, lat },
});
const SEATS = [
  township('511921001', '诺江镇', 107.248, 31.912),
  township('511921100', '民胜镇', 107.15, 31.98),
  township('511921101', '铁佛镇', 107.35, 31.85),
];

interface Feature {
  properties: { name: string; adcode: string; derived?: boolean };
  geometry: { coordinates: MultiPolygonRings };
}

describe('township areas of a county', () => {
  it('draws one derived cell per township holding its seat, then the county outline over them', () => {
    const areas = townshipAreasOf(map, '511921', SEATS);
    const features = (areas?.geoJson as { features: Feature[] } | undefined)?.features ?? [];
    expect(features.map((f) => [f.properties.adcode, f.properties.derived ?? false])).toEqual([
      ['511921001', true],
      ['511921100', true],
      ['511921101', true],
      ['511921', false],
    ]);
    for (const [i, s] of SEATS.entries())
      expect(
        pointInMultiPolygon(s.point ?? { lon: 0, lat: 0 }, features[i]?.geometry.coordinates ?? []),
      ).toBe(true);
    expect(areas?.countyName).toBe('通江县');
    expect([...(areas?.townships ?? [])]).toEqual([
      ['诺江镇', '511921001'],
      ['民胜镇', '511921100'],
      ['铁佛镇', '511921101'],
    ]);
  });

  it('has nothing to draw without placed townships or outside the map', () => {
    expect(townshipAreasOf(map, '511921', [{ ...SEATS[0], point: null } as RegionNode])).toBeNull();
    expect(townshipAreasOf(map, '999999', SEATS)).toBeNull();
  });

  it('draws thin township borders, the county outline thicker, labels them, and notes that they are derived', () => {
    const option = buildDrillMapOption({
      mapName: 'analysis-county-511921-townships',
      areas: [{ name: '诺江镇', region: '511921001', value: 12 }],
      points: [{ name: '诺江镇', lon: 107.248, lat: 31.912, value: 12, region: '511921001' }],
      scale: 2,
      townships: {
        countyName: '通江县',
        names: ['诺江镇', '民胜镇'],
        labels: true,
        note: DERIVED_TOWNSHIP_NOTE,
      },
    });
    const geo = option.geo as {
      silent: boolean;
      regions: {
        name: string;
        label: { show: boolean; fontSize?: number };
        itemStyle: { borderWidth: number };
      }[];
    };
    expect(geo.silent).toBe(false);
    expect(geo.regions.map((r) => [r.name, r.label.show, r.itemStyle.borderWidth])).toEqual([
      ['通江县', false, 5],
      ['诺江镇', true, 1.2],
      ['民胜镇', true, 1.2],
    ]);
    expect(geo.regions[1]?.label.fontSize).toBe(24);
    const [note] = option.graphic as { style: { text: string } }[];
    expect(note?.style.text).toBe('派生的乡镇边界，仅示意');
    // The bubbles' own labels would repeat the areas' names.
    // The bubbles' own labels would repeat the areas' names, and big bubbles would hide them: seat markers.
    const scatter = (option.series as { label?: { show: boolean }; data: { symbolSize: number }[] }[])[1];
    expect(scatter?.label?.show).toBe(false);
    expect(scatter?.data.map((d) => d.symbolSize)).toEqual([16]);
  });

  it('leaves the plain county map as it was', () => {
    const option = buildDrillMapOption({ mapName: 'm', areas: [], points: [], scale: 1 });
    expect(option.graphic).toBeUndefined();
    expect((option.geo as { regions?: unknown }).regions).toBeUndefined();
  });
});
