import {
  aCameraAnalytics,
  aCameraId,
  aCameraRegistered,
  aCameraStatus,
  aCaseReported,
} from '@fengqiao/testing';
import { type TopicKind } from '../ingest-topics';
import { type RejectCode } from '../validation/rejection';

/** One curated bad message: where it goes, its bytes, and the code it must be refused with. */
export interface BadInput {
  readonly title: string;
  readonly kind: TopicKind;
  readonly value: string | Buffer;
  readonly code: RejectCode;
}

const json = (v: unknown): string => JSON.stringify(v);
const deep = (depth: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { n: v };
  return v;
};

/**
 * The curated bad-input table shared by the unit, consumer and HTTP suites. `knownCamera` is a camera
 * the suite registered; the unknown-camera cases use ids nobody registers.
 */
export function badInputs(knownCamera: string): BadInput[] {
  const status = aCameraStatus({ cameraId: knownCamera });
  const reported = aCaseReported();
  const cases: BadInput[] = [
    ...['hello', '{', '}', 'undefined', "{'a':1}", '{"a":1,}', 'NaN', '[1,2'].map((v) =>
      bad('not JSON', 'cameraStatus', v, 'NOT_JSON'),
    ),
    ...[1, 10, 40, 80].map((n) =>
      bad(`truncated at ${n}`, 'cameraStatus', json(status).slice(0, n), 'NOT_JSON'),
    ),
    bad('truncated case', 'case', json(reported).slice(0, -1), 'NOT_JSON'),
    bad('invalid UTF-8', 'cameraStatus', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'NOT_UTF8'),
    bad('an empty message', 'cameraStatus', '', 'EMPTY'),
    ...['null', '[]', '42', '"text"', 'true', '{}'].map((v) =>
      bad(`the JSON value ${v}`, 'cameraStatus', v, 'SCHEMA_INVALID'),
    ),
    bad(
      'a newer schema version',
      'cameraStatus',
      json({ ...status, schema: 'camera.status.v2' }),
      'SCHEMA_INVALID',
    ),
    bad('an older schema version', 'case', json({ ...reported, schema: 'case.event.v0' }), 'SCHEMA_INVALID'),
    bad('a case schema on the status topic', 'cameraStatus', json(reported), 'SCHEMA_INVALID'),
    bad('no eventId', 'cameraStatus', json({ ...status, eventId: undefined }), 'SCHEMA_INVALID'),
    bad('no cameraId', 'cameraStatus', json({ ...status, cameraId: undefined }), 'SCHEMA_INVALID'),
    bad('no caseId', 'case', json({ ...reported, caseId: undefined }), 'SCHEMA_INVALID'),
    bad('a non-UUID eventId', 'cameraStatus', json({ ...status, eventId: 'not-a-uuid' }), 'SCHEMA_INVALID'),
    bad('a short camera id', 'cameraStatus', json({ ...status, cameraId: '5119021' }), 'SCHEMA_INVALID'),
    // The contract checks the id's shape (any city's; the registry is the city): no province 0x.
    bad(
      'a camera id that is no GB/T 2260 code',
      'cameraStatus',
      json({ ...status, cameraId: `0${aCameraId(1, '110101').slice(1)}` }),
      'SCHEMA_INVALID',
    ),
    bad(
      'a case id from another county',
      'case',
      json({ ...reported, caseId: 'C511903-20261127-00001' }),
      'INCONSISTENT_IDS',
    ),
    bad(
      'a camera registered outside its id’s county',
      'cameraRegistered',
      json(
        aCameraRegistered({
          cameraId: aCameraId(5, '511903'),
          region: { county: '511902', township: '511902001' },
        }),
      ),
      'INCONSISTENT_IDS',
    ),
    // The configured city (FQ_CITY_CODE; these suites run Bazhong, 5119): 南充's codes are another city's.
    bad(
      'a case of another city',
      'case',
      json(aCaseReported({ region: { county: '511302', township: '511302001' } })),
      'REGION_OUTSIDE_CITY',
    ),
    bad(
      'a camera registered in another city',
      'cameraRegistered',
      json(
        aCameraRegistered({
          cameraId: aCameraId(6, '511302'),
          region: { county: '511302', township: '511302001' },
        }),
      ),
      'REGION_OUTSIDE_CITY',
    ),
    bad(
      'the status of another city’s camera',
      'cameraStatus',
      json({ ...status, cameraId: aCameraId(7, '511302') }),
      'REGION_OUTSIDE_CITY',
    ),
    bad(
      'a case reported far outside the city (Beijing)',
      'case',
      json(aCaseReported({ location: { lon: 116.4, lat: 39.9 } })),
      'LOCATION_OUTSIDE_CITY',
    ),
    bad(
      'a camera registered at a point outside the city',
      'cameraRegistered',
      json(aCameraRegistered({ location: { lon: 104.07, lat: 30.67 } })),
      'LOCATION_OUTSIDE_CITY',
    ),
    bad(
      'a township outside its county',
      'case',
      json({ ...reported, region: { county: '511902', township: '511903001' } }),
      'SCHEMA_INVALID',
    ),
    bad(
      'a timestamp a day ahead',
      'cameraStatus',
      json({ ...status, occurredAt: new Date(Date.now() + 86_400_000).toISOString() }),
      'TIMESTAMP_OUT_OF_RANGE',
    ),
    bad(
      'a timestamp in 2126',
      'cameraStatus',
      json({ ...status, occurredAt: '2126-01-01T00:00:00Z' }),
      'TIMESTAMP_OUT_OF_RANGE',
    ),
    bad(
      'a timestamp in 1970',
      'cameraStatus',
      json({ ...status, occurredAt: '1970-01-01T00:00:00Z' }),
      'TIMESTAMP_OUT_OF_RANGE',
    ),
    bad(
      'a timestamp without offset',
      'cameraStatus',
      json({ ...status, occurredAt: '2026-11-27 09:30' }),
      'SCHEMA_INVALID',
    ),
    bad(
      'a timestamp as a number',
      'cameraStatus',
      json({ ...status, occurredAt: Date.now() }),
      'SCHEMA_INVALID',
    ),
    bad(
      'a 20,000-character summary',
      'case',
      json({ ...reported, summary: 'x'.repeat(20_000) }),
      'SCHEMA_INVALID',
    ),
    bad(
      '1,000 parties',
      'case',
      json({ ...reported, parties: Array.from({ length: 1000 }, () => ({ name: '王某' })) }),
      'SCHEMA_INVALID',
    ),
    bad('a 70 KB message', 'cameraStatus', json({ ...status, pad: 'x'.repeat(70_000) }), 'OVERSIZED'),
    bad('a 900 KiB message (the broker refuses 1 MiB itself)', 'case', 'x'.repeat(900 * 1024), 'OVERSIZED'),
    bad('nesting 2,000 deep', 'cameraStatus', json({ ...status, fps: deep(2000) }), 'SCHEMA_INVALID'),
    bad(
      'array nesting 10,000 deep',
      'cameraStatus',
      '['.repeat(10_000) + ']'.repeat(10_000),
      'SCHEMA_INVALID',
    ),
    bad(
      'a __proto__ key',
      'cameraStatus',
      `{"__proto__":{"admin":true},${json(status).slice(1)}`,
      'FORBIDDEN_KEY',
    ),
    bad(
      'an escaped __proto__ key',
      'cameraStatus',
      `{"\\u005f_proto__":{"a":1},${json(status).slice(1)}`,
      'FORBIDDEN_KEY',
    ),
    bad(
      'a nested __proto__ key',
      'case',
      json({ ...reported, region: { county: '511902', township: '511902001' } }).replace(
        '"county"',
        '"__proto__":{},"county"',
      ),
      'FORBIDDEN_KEY',
    ),
    bad('an extra property', 'cameraStatus', json({ ...status, injected: true }), 'SCHEMA_INVALID'),
    bad(
      'a constructor key',
      'cameraStatus',
      json({ ...status, constructor: { prototype: {} } }),
      'SCHEMA_INVALID',
    ),
    ...['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085'].map((c) =>
      bad(
        `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        'case',
        json({ ...reported, summary: `noise${c}dispute` }),
        'FORBIDDEN_CHARACTER',
      ),
    ),
    ...['\u202e', '\u202a', '\u2066', '\u2069', '\u200f', '\u061c'].map((c) =>
      bad(
        `bidi character U+${c.charCodeAt(0).toString(16)}`,
        'case',
        json({ ...reported, summary: `abc${c}cba` }),
        'FORBIDDEN_CHARACTER',
      ),
    ),
    bad(
      'a raw bidi character',
      'cameraRegistered',
      json(aCameraRegistered({ cameraId: aCameraId(7) })).replace('Square', 'Sq\u202euare'),
      'FORBIDDEN_CHARACTER',
    ),
    bad(
      'a string where a boolean goes',
      'cameraStatus',
      json({ ...status, online: 'yes' }),
      'SCHEMA_INVALID',
    ),
    bad('a negative fps', 'cameraStatus', json({ ...status, fps: -1 }), 'SCHEMA_INVALID'),
    bad(
      'a confidence above 1',
      'cameraAnalytics',
      json(aCameraAnalytics({ cameraId: knownCamera, confidence: 2 })),
      'SCHEMA_INVALID',
    ),
    bad(
      'a crowd without head count',
      'cameraAnalytics',
      json({ ...aCameraAnalytics({ cameraId: knownCamera }), headCount: undefined }),
      'SCHEMA_INVALID',
    ),
    bad(
      'an unknown analytics kind',
      'cameraAnalytics',
      json(aCameraAnalytics({ cameraId: knownCamera, kind: 'ufo' as 'crowd' })),
      'SCHEMA_INVALID',
    ),
    bad('a huge number', 'cameraStatus', json({ ...status, bitrateKbps: 1e308 }), 'SCHEMA_INVALID'),
    bad(
      'a number literal overflowing to Infinity',
      'cameraStatus',
      json({ ...status, fps: 1 }).replace('"fps":1', '"fps":1e999'),
      'SCHEMA_INVALID',
    ),
  ];
  return cases;
}

/** Camera events whose camera nobody registered: valid JSON, valid schema, refused by the registry. */
export function unknownCameraInputs(): BadInput[] {
  const ghost = aCameraId(990_000 + Math.floor(Math.random() * 9000), '511923');
  return [
    bad(
      'a status of an unknown camera',
      'cameraStatus',
      JSON.stringify(aCameraStatus({ cameraId: ghost })),
      'UNKNOWN_CAMERA',
    ),
    bad(
      'an analytics event of an unknown camera',
      'cameraAnalytics',
      JSON.stringify(aCameraAnalytics({ cameraId: ghost })),
      'UNKNOWN_CAMERA',
    ),
  ];
}

function bad(title: string, kind: TopicKind, value: string | Buffer, code: RejectCode): BadInput {
  return { title, kind, value, code };
}
