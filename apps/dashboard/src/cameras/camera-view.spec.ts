import {
  camerasViewToSearch,
  EMPTY_CAMERAS_VIEW,
  parseCamerasView,
  searchParams,
  worstFirst,
} from './camera-view';

describe('the cameras view in the URL', () => {
  it('round-trips, empty fields left out', () => {
    const view = {
      q: '广场',
      county: '511921',
      online: 'true' as const,
      stream: 'streaming' as const,
      camera: '51192101011318000001',
    };
    expect(parseCamerasView(camerasViewToSearch(view))).toEqual(view);
    expect(camerasViewToSearch(EMPTY_CAMERAS_VIEW)).toBe('');
    expect(camerasViewToSearch(EMPTY_CAMERAS_VIEW, 'en')).toBe('?lang=en');
  });

  it.each([
    ['?county=123456', { county: '' }],
    ['?online=maybe', { online: '' }],
    ['?stream=playing', { stream: '' }],
    ['?camera=abc', { camera: '' }],
    [`?q=${'x'.repeat(80)}`, { q: 'x'.repeat(60) }],
    ['?q=%20%20', { q: '' }],
  ])('repairs %s', (search, expected) => {
    expect(parseCamerasView(search)).toEqual(expect.objectContaining(expected));
  });

  it('asks the registry only for what is set', () => {
    expect(searchParams({ ...EMPTY_CAMERAS_VIEW, county: '511902' }, undefined, 20)).toEqual({
      q: undefined,
      county: '511902',
      online: undefined,
      streamState: undefined,
      limit: 20,
      after: undefined,
    });
    expect(searchParams({ ...EMPTY_CAMERAS_VIEW, stream: 'streaming' }, '51190201011318000040', 20)).toEqual(
      expect.objectContaining({ streamState: 'streaming', after: '51190201011318000040' }),
    );
  });

  it('lists the worst online share first', () => {
    const rows = [
      { region: 'b', onlineShare: 0.9 },
      { region: 'a', onlineShare: 0.2 },
      { region: 'c', onlineShare: 0.2 },
    ];
    expect(worstFirst(rows).map((r) => r.region)).toEqual(['a', 'c', 'b']);
  });
});
