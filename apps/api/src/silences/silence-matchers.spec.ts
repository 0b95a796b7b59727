import { createSilenceRequestSchema } from '@fengqiao/contracts';
import { matchersOf, placeOf, regionOfMatchers } from './silence-matchers';

const request = (extra: object) =>
  createSilenceRequestSchema.parse({ endsAt: '2026-11-28T00:00:00+08:00', comment: '维护', ...extra });

describe('silence matchers from a request', () => {
  it.each([
    [{ ruleId: 'fight-detected' }, [{ label: 'ruleId', op: '=', value: 'fight-detected' }]],
    [{ regionPrefix: '511902' }, [{ label: 'county', op: '=', value: '511902' }]],
    [{ regionPrefix: '511902001' }, [{ label: 'township', op: '=~', value: '511902001[0-9]*' }]],
    [
      { cameraId: '51190200000000000025', colour: 'orange' },
      [
        { label: 'cameraId', op: '=', value: '51190200000000000025' },
        { label: 'colour', op: '=', value: 'orange' },
      ],
    ],
  ])('%j → %j', (extra, expected) => {
    expect(matchersOf(request(extra))).toEqual(expected);
  });

  it('refuses a request without any matcher', () => {
    expect(
      createSilenceRequestSchema.safeParse({ endsAt: '2026-11-28T00:00:00+08:00', comment: 'x' }).success,
    ).toBe(false);
  });

  it.each(['5119.*', '511902|1', '511902001)'])('refuses the region prefix %s (no regex smuggling)', (p) => {
    expect(
      createSilenceRequestSchema.safeParse({ ...request({ ruleId: 'a1' }), regionPrefix: p }).success,
    ).toBe(false);
  });

  it.each([
    ['511902', { county: '511902' }],
    ['511902001', { county: '511902', township: '511902001' }],
    ['5119020010', { county: '511902', township: '511902001' }],
  ])('the place of %s', (prefix, place) => {
    expect(placeOf(prefix)).toEqual(place);
  });

  it.each([
    ['a county', { regionPrefix: '511902' }, '511902'],
    ['a township', { regionPrefix: '511902001', colour: 'blue' }, '511902001'],
    ['a village prefix', { regionPrefix: '5119020010' }, '5119020010'],
    ['no region (city-wide)', { ruleId: 'a1' }, null],
  ])('reads back the region of %s from its matchers (for the scope check)', (_t, extra, region) => {
    expect(regionOfMatchers(matchersOf(request(extra)))).toBe(region);
  });
});
