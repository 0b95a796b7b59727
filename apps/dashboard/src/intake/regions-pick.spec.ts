import { chooseRegion, EMPTY_REGION } from './intake-form';
import { nearestRegion } from './map-projection';

describe('choosing a level of the address cascade', () => {
  const full = { county: '511902', township: '511902001', village: '511902001002', grid: '511902001002003' };

  it('sets the level and clears every level below it', () => {
    expect(chooseRegion(full, 'township', '511902004')).toEqual({
      county: '511902',
      township: '511902004',
      village: '',
      grid: '',
    });
    expect(chooseRegion(full, 'county', '511903')).toEqual({ ...EMPTY_REGION, county: '511903' });
  });

  it('keeps the levels above and changes nothing below the grid cell', () => {
    expect(chooseRegion(full, 'grid', '511902001002001')).toEqual({ ...full, grid: '511902001002001' });
  });
});

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
