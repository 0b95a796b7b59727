import fc from 'fast-check';
import { cameraAnalyticsSchema, cameraStatusSchema } from './camera-event';
import { plainCameraAnalytics, plainCameraStatus } from './camera-event-fast';

const STATUS = {
  schema: 'camera.status.v1',
  eventId: '3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f',
  occurredAt: '2026-12-07T11:30:00.123Z',
  cameraId: '51190200000000000042',
  online: true,
  bitrateKbps: 2048,
  fps: 25,
  lastFrameAgeMs: 40,
};
const ANALYTICS = {
  schema: 'camera.analytics.v1',
  eventId: '3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f',
  occurredAt: '2026-12-07T19:30:00+08:00',
  cameraId: '51190200000000000042',
  kind: 'crowd',
  confidence: 0.8,
  headCount: 120,
};

// Values that sit on and around every bound and format the contract checks.
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    true,
    false,
    0,
    -0,
    -1,
    0.5,
    1,
    1.0000001,
    25,
    240,
    240.5,
    2048,
    200_000,
    200_001,
    2_678_400_000,
    2_678_400_001,
    2 ** 53,
    1.5,
    '',
    'x',
    'media',
    'device',
    'simulator',
    'robot',
    'crowd',
    'fight',
    'smoke',
    [],
    {},
    '2026-02-29T00:00:00Z',
    '2028-02-29T00:00:00Z',
    '2026-12-07T24:00:00Z',
    '2026-12-07T11:30:00',
    '2026-12-07T11:30:00+08:00',
    '2026-12-07 11:30:00Z',
    '51190200000000000042',
    '01190200000000000042',
    '5119020000000000004',
    '00000000-0000-0000-0000-000000000000',
    '3f2b8c1e-9d4a-0e7b-8c2d-1a2b3c4d5e6f',
    '3F2B8C1E-9D4A-4E7B-8C2D-1A2B3C4D5E6F',
    'camera.status.v1',
    'camera.analytics.v1',
    { verdict: 'ok', sampleS: 5, frozenS: 0, blackS: 0 },
    'x'.repeat(256),
    'x'.repeat(257),
  ),
  fc.double(),
  fc.integer(),
  fc.string(),
);

/** A valid event with some keys changed, removed or added. */
function mutated(base: Record<string, unknown>, extraKeys: string[]): fc.Arbitrary<unknown> {
  const keys = [...Object.keys(base), ...extraKeys];
  return fc.array(fc.tuple(fc.constantFrom(...keys), oddValue), { maxLength: 3 }).map((changes) => {
    // JSON round trip: the checks run on what JSON.parse gives (no undefined values, own keys only).
    const event: Record<string, unknown> = { ...base };
    for (const [k, v] of changes) event[k] = v;
    return JSON.parse(JSON.stringify(event)) as unknown;
  });
}

describe('plain-valid checks of camera events', () => {
  it.each([
    ['a heartbeat', plainCameraStatus, STATUS],
    ['a heartbeat from the media service', plainCameraStatus, { ...STATUS, source: 'media', online: false }],
    ['a crowd detection with an offset', plainCameraAnalytics, ANALYTICS],
    [
      'a fight detection without head count',
      plainCameraAnalytics,
      { ...ANALYTICS, kind: 'fight', headCount: undefined },
    ],
  ])('take %s as it is, without asking the schema', (_what, check, event) => {
    const json = JSON.parse(JSON.stringify(event)) as unknown;
    expect(check(json)).toBe(json);
  });

  it.each([
    [
      'a sampled heartbeat (health: left to the schema)',
      plainCameraStatus,
      { ...STATUS, health: { verdict: 'ok', sampleS: 5, frozenS: 0, blackS: 0 } },
    ],
    ['a key the contract does not know', plainCameraStatus, { ...STATUS, extra: 1 }],
    [
      'an own __proto__ key',
      plainCameraStatus,
      JSON.parse(`{"__proto__":1,${JSON.stringify(STATUS).slice(1)}`) as unknown,
    ],
    ['an impossible date', plainCameraStatus, { ...STATUS, occurredAt: '2026-02-30T00:00:00Z' }],
    ['a fractional frame age', plainCameraStatus, { ...STATUS, lastFrameAgeMs: 1.5 }],
    ['a crowd without head count', plainCameraAnalytics, { ...ANALYTICS, headCount: undefined }],
    ['a confidence above 1', plainCameraAnalytics, { ...ANALYTICS, confidence: 1.01 }],
    ['an array', plainCameraStatus, [STATUS]],
    ['null', plainCameraAnalytics, null],
  ])('are not sure of %s', (_what, check, event) => {
    expect(check(JSON.parse(JSON.stringify(event)) as unknown)).toBeUndefined();
  });

  it('never accept a status the contract refuses, and accept it as the contract parses it', () => {
    fc.assert(
      fc.property(mutated(STATUS, ['health', 'source', 'extra', '__proto__']), (json) => {
        const plain = plainCameraStatus(json);
        if (plain === undefined) return;
        const r = cameraStatusSchema.safeParse(json);
        expect(r.success).toBe(true);
        expect(plain).toEqual(r.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('never accept a detection the contract refuses, and accept it as the contract parses it', () => {
    fc.assert(
      fc.property(mutated(ANALYTICS, ['snapshotRef', 'extra', 'online']), (json) => {
        const plain = plainCameraAnalytics(json);
        if (plain === undefined) return;
        const r = cameraAnalyticsSchema.safeParse(json);
        expect(r.success).toBe(true);
        expect(plain).toEqual(r.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('accept most of what the contract accepts (else they would save nothing)', () => {
    let accepted = 0;
    let valid = 0;
    fc.assert(
      fc.property(mutated(STATUS, ['source']), (json) => {
        if (!cameraStatusSchema.safeParse(json).success) return;
        valid += 1;
        if (plainCameraStatus(json) !== undefined) accepted += 1;
      }),
      { numRuns: 2000 },
    );
    expect(valid).toBeGreaterThan(100);
    expect(accepted).toBe(valid);
  });
});
