import { nearestRegion } from './map-projection';

describe('the township nearest to a map point', () => {
  const townships = [
    { code: '511902001', point: { lon: 106.75, lat: 31.86 } },
    { code: '511902002', point: { lon: 106.9, lat: 31.95 } },
    { code: '511902003', point: null },
  ];

  it('picks the region whose point is nearest, skipping regions without one', () => {
    expect(nearestRegion(townships, { lon: 106.76, lat: 31.87 })).toBe('511902001');
    expect(nearestRegion(townships, { lon: 106.88, lat: 31.97 })).toBe('511902002');
  });

  it('gives null when no region has a point', () => {
    expect(nearestRegion([{ code: '511902003', point: null }], { lon: 106.8, lat: 31.9 })).toBeNull();
  });
});
