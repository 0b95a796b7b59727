import fc from 'fast-check';
import { loadConfig } from '@fengqiao/config';
import {
  aCameraAnalytics,
  aCameraId,
  aCameraRegistered,
  aCameraStatus,
  aCaseReported,
} from '@fengqiao/testing';
import { type TopicKind } from '../ingest-topics';
import { badInputs } from '../testing/bad-inputs';
import { validateEvent } from './event-validator';
import { ingestRules } from './ingest-rules';
import { type Checked } from './rejection';
import { parseJsonSafely } from './safe-json';

const config = loadConfig({});
// The window, the configured city (5119 by default) and its extent, as the ingest app hands them over.
const limits = ingestRules(config);

function check(kind: TopicKind, value: string | Buffer): Checked<unknown> {
  const parsed = parseJsonSafely(Buffer.isBuffer(value) ? value : Buffer.from(value), limits);
  return parsed.ok ? validateEvent(kind, parsed.value, Date.now(), limits) : parsed;
}

describe('message validation', () => {
  it.each([
    ['a camera registration', 'cameraRegistered', aCameraRegistered()],
    ['a camera status', 'cameraStatus', aCameraStatus()],
    ['a crowd detection', 'cameraAnalytics', aCameraAnalytics()],
    ['a reported case', 'case', aCaseReported()],
    ['a summary with a newline and CJK text', 'case', aCaseReported({ summary: '邻里纠纷\n噪音' })],
    // Text that merely reads like an escape is text: the API accepts it, so the ingest must too.
    [
      'a summary that reads like escapes',
      'case',
      aCaseReported({ summary: 'C:\\bin 里写着 \\u0007 和 \\f' }),
    ],
  ] as const)('accepts %s', (_title, kind, event) => {
    expect(check(kind, JSON.stringify(event))).toEqual({ ok: true, value: { kind, event } });
  });

  it.each(badInputs(aCameraId(1)).map((c) => [c.title, c.code, c] as const))(
    'refuses %s with %s',
    (_t, code, c) => {
      const result = check(c.kind, c.value);
      expect(result.ok ? 'accepted' : result.rejection.code).toBe(code);
    },
  );

  it('names the offending path in the reason', () => {
    const result = check('cameraStatus', JSON.stringify({ ...aCameraStatus(), fps: 'fast' }));
    expect(result.ok ? '' : result.rejection.reason).toMatch(/^fps: /);
  });

  it('applies the configured size limit and time window, not fixed ones', () => {
    // As FQ_INGEST_MAX_FUTURE_SKEW_MS=0 and FQ_INGEST_MAX_EVENT_AGE_DAYS=1 would set them; 4 KiB by hand
    // (config refuses a message limit below the API's body limit).
    const tight = { maxMessageBytes: 4096, maxFutureSkewMs: 0, maxEventAgeMs: 86_400_000, city: '5119' };
    const now = Date.parse('2026-12-07T01:00:00.000Z');
    const at = (ms: number) =>
      JSON.stringify(aCameraStatus({ occurredAt: new Date(now + ms).toISOString() }));
    const codeOf = (value: string, l = tight): string => {
      const parsed = parseJsonSafely(Buffer.from(value), l);
      const checked = parsed.ok ? validateEvent('cameraStatus', parsed.value, now, l) : parsed;
      return checked.ok ? 'ACCEPTED' : checked.rejection.code;
    };
    expect(codeOf(at(0))).toBe('ACCEPTED');
    expect(codeOf(at(60_000))).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(codeOf(at(60_000), limits)).toBe('ACCEPTED');
    expect(codeOf(at(-2 * 86_400_000))).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(codeOf(at(-2 * 86_400_000), limits)).toBe('ACCEPTED');
    const big = JSON.stringify(aCaseReported({ summary: '噪'.repeat(2000) }));
    expect(parseJsonSafely(Buffer.from(big), tight)).toMatchObject({
      ok: false,
      rejection: { code: 'OVERSIZED' },
    });
    expect(parseJsonSafely(Buffer.from(big), limits).ok).toBe(true);
  });

  it('takes the city from FQ_CITY_CODE: 南充 (5113) accepts its own codes and dead-letters Bazhong’s', () => {
    const nanchong = loadConfig({ FQ_CITY_CODE: '5113' });
    const rules = { ...nanchong.tuning.ingest, city: nanchong.city.code };
    const codeOf = (kind: TopicKind, value: unknown): string => {
      const checked = validateEvent(kind, value, Date.now(), rules);
      return checked.ok ? 'ACCEPTED' : checked.rejection.code;
    };
    const own = { county: '511302', township: '511302001' };
    expect(codeOf('case', aCaseReported({ region: own }))).toBe('ACCEPTED');
    expect(
      codeOf('cameraRegistered', aCameraRegistered({ cameraId: aCameraId(3, '511302'), region: own })),
    ).toBe('ACCEPTED');
    expect(codeOf('case', aCaseReported())).toBe('REGION_OUTSIDE_CITY');
    expect(codeOf('cameraStatus', aCameraStatus())).toBe('REGION_OUTSIDE_CITY');
    const refused = validateEvent('case', aCaseReported(), Date.now(), rules);
    expect(refused.ok ? '' : refused.rejection.reason).toBe(
      'region.county: not in the configured city (FQ_CITY_CODE 5113)',
    );
  });

  it('dead-letters a point outside the city’s extent (its outline’s box + 10 km) with LOCATION_OUTSIDE_CITY', () => {
    const codeOf = (kind: TopicKind, value: unknown): string => {
      const checked = validateEvent(kind, value, Date.now(), limits);
      return checked.ok ? 'ACCEPTED' : checked.rejection.code;
    };
    const beijing = { lon: 116.4, lat: 39.9 };
    // Just beyond the built-in city's box (its schematic outline reaches 107.69° E) and just inside it.
    const east = { lon: 107.82, lat: 31.9 };
    const edge = { lon: 107.74, lat: 31.9 };
    expect(codeOf('case', aCaseReported({ location: beijing }))).toBe('LOCATION_OUTSIDE_CITY');
    expect(codeOf('case', aCaseReported({ location: east }))).toBe('LOCATION_OUTSIDE_CITY');
    expect(codeOf('case', aCaseReported({ location: edge }))).toBe('ACCEPTED');
    expect(codeOf('cameraRegistered', aCameraRegistered({ location: beijing }))).toBe(
      'LOCATION_OUTSIDE_CITY',
    );
    expect(codeOf('cameraRegistered', aCameraRegistered({ location: edge }))).toBe('ACCEPTED');
    const refused = validateEvent('case', aCaseReported({ location: beijing }), Date.now(), limits);
    expect(refused.ok ? '' : refused.rejection.reason).toBe(
      'location: outside the configured city’s extent (its outline’s bounding box + 10 km)',
    );
  });

  it('refuses arbitrary bytes and arbitrary JSON without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
          fc.json(),
        ),
        (input) => {
          expect(check('cameraStatus', input).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
