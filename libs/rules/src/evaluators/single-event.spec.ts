import { alertExplanationSchema, alertSchema } from '@fengqiao/contracts';
import { Harness } from '../__fixtures__/engine';
import { analytics, reported, status, T0 } from '../__fixtures__/events';
import { type EngineInput } from '../engine/state';

const SCHOOL = 1;
const SQUARE = 12;
const ROAD = 25;

describe('single-event rules of the default set', () => {
  it.each<[string, () => EngineInput, string[]]>([
    [
      'a case with violence risk → red',
      () => ({ kind: 'case', event: reported(T0, { flags: { violenceRisk: true } }) }),
      ['raised case-violence-risk red'],
    ],
    [
      'a group petition → orange',
      () => ({ kind: 'case', event: reported(T0, { flags: { groupPetition: true } }) }),
      ['raised case-group-petition orange'],
    ],
    [
      'extreme words → orange',
      () => ({ kind: 'case', event: reported(T0, { flags: { extremeWords: true } }) }),
      ['raised case-extreme-words orange'],
    ],
    [
      '2 repeat visits → nothing',
      () => ({ kind: 'case', event: reported(T0, { flags: { repeatVisits: 2 } }) }),
      [],
    ],
    [
      '3 repeat visits → blue',
      () => ({ kind: 'case', event: reported(T0, { flags: { repeatVisits: 3 } }) }),
      ['raised case-repeat-visits blue'],
    ],
    ['a plain case → nothing', () => ({ kind: 'case', event: reported(T0) }), []],
    [
      'fight 0.59 at a road → nothing',
      () => ({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'fight', 0.59) }),
      [],
    ],
    [
      'fight 0.6 at a road → orange',
      () => ({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'fight', 0.6) }),
      ['raised fight-detected orange'],
    ],
    [
      'fight 0.79 at a school → orange',
      () => ({ kind: 'camera-analytics', event: analytics(T0, SCHOOL, 'fight', 0.79) }),
      ['raised fight-detected orange'],
    ],
    [
      'fight 0.8 at a school → red, the orange of the same camera inhibited',
      () => ({ kind: 'camera-analytics', event: analytics(T0, SCHOOL, 'fight', 0.8) }),
      ['raised fight-at-school red', 'suppressed fight-detected orange'],
    ],
    [
      'crowd 199 at a square → nothing',
      () => ({ kind: 'camera-analytics', event: analytics(T0, SQUARE, 'crowd', 0.9, 199) }),
      [],
    ],
    [
      'crowd 200 at a square → orange',
      () => ({ kind: 'camera-analytics', event: analytics(T0, SQUARE, 'crowd', 0.9, 200) }),
      ['raised crowd-at-square orange'],
    ],
    [
      'crowd 500 on a road → nothing',
      () => ({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'crowd', 0.9, 500) }),
      [],
    ],
    [
      'crowd 1000 on a road → red',
      () => ({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'crowd', 0.9, 1000) }),
      ['raised crowd-large red'],
    ],
    [
      'fire 0.69 → nothing',
      () => ({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'fire-smoke', 0.69) }),
      [],
    ],
    [
      'fire 0.7 → red',
      () => ({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'fire-smoke', 0.7) }),
      ['raised fire-smoke red'],
    ],
    [
      'school camera offline → blue',
      () => ({ kind: 'camera-status', event: status(T0, SCHOOL, false) }),
      ['raised key-site-camera-offline blue'],
    ],
    ['road camera offline → nothing', () => ({ kind: 'camera-status', event: status(T0, ROAD, false) }), []],
  ])('%s', (_title, input, expected) => {
    const h = new Harness();
    expect(Harness.summary(h.feed(input(), T0))).toEqual(expected);
  });

  it('explains a raise with the rule, version, evidence, values compared and thresholds', () => {
    const h = new Harness();
    const event = analytics(T0, SCHOOL, 'fight', 0.85);
    const [d] = h.feed({ kind: 'camera-analytics', event }, T0);
    if (d?.type !== 'raised') throw new Error('expected a raise');
    expect(alertSchema.parse(d.alert)).toEqual(d.alert);
    expect(alertExplanationSchema.parse(d.alert.explanation)).toBeTruthy();
    expect(d.alert).toMatchObject({
      ruleId: 'fight-at-school',
      ruleVersion: 1,
      region: { township: '511902001' },
    });
    expect(d.alert.explanation).toMatchObject({
      evidence: [event.eventId],
      values: { analyticsKind: 'fight', confidence: 0.85, siteType: 'school' },
      thresholds: { 'confidence gte': 0.8, 'siteType eq': 'school' },
    });
    expect(d.notify).toBe(true);
  });

  it('dedups a re-trigger of the same subject: one alert, one notification', () => {
    const h = new Harness();
    h.feed({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'fight', 0.7) }, T0);
    const again = h.feed(
      { kind: 'camera-analytics', event: analytics(T0 + 1000, ROAD, 'fight', 0.7) },
      T0 + 1000,
    );
    expect(again).toEqual([]);
  });

  it('a camera missing from the directory is counted and ignored', () => {
    const h = new Harness();
    const e = { ...analytics(T0, ROAD, 'fire-smoke', 0.99), cameraId: '51190299999999999999' };
    expect(h.feed({ kind: 'camera-analytics', event: e }, T0)).toEqual([]);
    expect(h.state.unknownCameraEvents).toBe(1);
  });
});
