import { DEFAULT_ROTATION, nextStepIndex, parseWallConfig, viewName } from './wall-config';

describe('the wall configuration in its URL', () => {
  it('defaults: city, video wall and trends in rotation, 9 tiles, whole city, 120 s takeover', () => {
    const { config, problems } = parseWallConfig('');
    expect(problems).toEqual([]);
    expect(config).toEqual({ rotation: DEFAULT_ROTATION, split: 9, patrol: {}, takeoverMs: 120_000 });
  });

  it('reads a rotation with a county, a split, a patrol scope and a takeover time', () => {
    const { config, problems } = parseWallConfig(
      '?rotation=city:30,county.511921:20,video,trends:15&split=16&patrolRegion=511921001&patrolSite=school&takeover=45',
    );
    expect(problems).toEqual([]);
    expect(config.rotation.map((s) => [viewName(s.view), s.seconds])).toEqual([
      ['city', 30],
      ['county.511921', 20],
      ['video', 60],
      ['trends', 15],
    ]);
    expect(config.split).toBe(16);
    expect(config.patrol).toEqual({ township: '511921001', siteType: 'school' });
    expect(config.takeoverMs).toBe(45_000);
  });

  it.each([
    ['?rotation=city:30,weather:10', 'rotation.1', ['city']],
    ['?rotation=county.511900:30', 'rotation.0', ['city', 'video', 'trends']],
    ['?rotation=video:2', 'rotation.0', ['city', 'video', 'trends']],
    ['?rotation=video:abc', 'rotation.0', ['city', 'video', 'trends']],
  ])('a bad rotation step in %s is named (%s) and left out', (search, param, views) => {
    const { config, problems } = parseWallConfig(search);
    expect(problems).toEqual([expect.objectContaining({ code: 'WALL_CONFIG_INVALID', param })]);
    expect(config.rotation.map((s) => viewName(s.view))).toEqual(views);
  });

  it.each([
    ['?split=6', 'split'],
    ['?takeover=2', 'takeover'],
    ['?takeover=-1', 'takeover'],
    ['?patrolRegion=5119', 'patrolRegion'],
    ['?patrolSite=DROP TABLE', 'patrolSite'],
  ])('%s is refused with a code naming %s, and the default used', (search, param) => {
    const { config, problems } = parseWallConfig(search);
    expect(problems.map((p) => [p.code, p.param])).toEqual([['WALL_CONFIG_INVALID', param]]);
    expect(config.split).toBe(9);
    expect(config.takeoverMs).toBe(120_000);
    expect(config.patrol).toEqual({});
  });

  it('takeover=0 switches incident mode off; a county patrol scope is a county', () => {
    const { config } = parseWallConfig('?takeover=0&patrolRegion=511923');
    expect(config.takeoverMs).toBe(0);
    expect(config.patrol).toEqual({ county: '511923' });
  });

  it('the rotation goes round', () => {
    expect([0, 1, 2].map((i) => nextStepIndex(i, 3))).toEqual([1, 2, 0]);
    expect(nextStepIndex(0, 1)).toBe(0);
  });
});
