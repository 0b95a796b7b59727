import {
  chooseRegion,
  deepestCode,
  EMPTY_REGION,
  levelEnabled,
  REGION_LEVELS,
  regionDraftOf,
} from './region-cascade';

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

  it('opens a level once the level above it is chosen', () => {
    const county = { ...EMPTY_REGION, county: '511902' };
    expect(REGION_LEVELS.map((l) => levelEnabled(county, l))).toEqual([true, true, false, false]);
    expect(levelEnabled(EMPTY_REGION, 'county')).toBe(true);
    expect(levelEnabled(full, 'grid')).toBe(true);
  });
});

describe('the draft a region code stands for', () => {
  it.each([
    ['511902', { ...EMPTY_REGION, county: '511902' }],
    ['511902001', { ...EMPTY_REGION, county: '511902', township: '511902001' }],
    [
      '511902001002003',
      { county: '511902', township: '511902001', village: '511902001002', grid: '511902001002003' },
    ],
    ['511900', EMPTY_REGION],
    ['', EMPTY_REGION],
    ['5119020', EMPTY_REGION],
    ['110105', EMPTY_REGION],
  ])('%s → %j', (code, draft) => {
    expect(regionDraftOf(code)).toEqual(draft);
  });

  it('round-trips through the code of the lowest level chosen', () => {
    for (const code of ['511902', '511902001', '511902001002', '511902001002003'])
      expect(deepestCode(regionDraftOf(code))).toBe(code);
    expect(deepestCode(EMPTY_REGION)).toBe('');
  });
});
