import fc from 'fast-check';
import { aCameraAnalytics, aCameraStatus } from '@fengqiao/testing';
import { decode } from './input-decoder';

const buf = (v: unknown): Buffer => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));

describe('the warning decoder', () => {
  it.each([
    ['a heartbeat', 'cameraStatus', aCameraStatus(), 'camera-status'],
    [
      'a sampled heartbeat (through the schema)',
      'cameraStatus',
      aCameraStatus({ source: 'media', health: { verdict: 'frozen', sampleS: 5, frozenS: 5, blackS: 0 } }),
      'camera-status',
    ],
    ['a detection', 'cameraAnalytics', aCameraAnalytics(), 'camera-analytics'],
  ] as const)('hands %s to the engine', (_what, kind, event, inputKind) => {
    const d = decode(kind, buf(event));
    expect(d.kind === 'input' ? d.input : d).toEqual({ kind: inputKind, event });
  });

  it.each([
    ['no value', 'cameraStatus', null, 'empty message'],
    ['not JSON', 'cameraStatus', buf('{"schema":'), 'not JSON'],
    ['an array', 'cameraStatus', buf([aCameraStatus()]), 'not a valid cameraStatus message'],
    [
      'a detection on the status topic',
      'cameraStatus',
      buf(aCameraAnalytics()),
      'not a valid cameraStatus message',
    ],
    [
      'an unknown key',
      'cameraStatus',
      buf({ ...aCameraStatus(), extra: 1 }),
      'not a valid cameraStatus message',
    ],
    [
      'a bad health sample',
      'cameraStatus',
      buf({ ...aCameraStatus(), health: { verdict: 'great' } }),
      'not a valid cameraStatus message',
    ],
    [
      'a crowd without head count',
      'cameraAnalytics',
      buf({ ...aCameraAnalytics({ kind: 'crowd' }), headCount: undefined }),
      'not a valid cameraAnalytics message',
    ],
  ] as const)('skips %s with a reason', (_what, kind, value, reason) => {
    expect(decode(kind, value)).toEqual({ kind: 'invalid', reason });
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'cameraStatus',
          'cameraAnalytics',
          'case',
          'cameraRegistered',
          'alertChanges' as const,
        ),
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.uint8Array().map((a) => String.fromCharCode(...a)),
        ),
        (kind, text) => {
          expect(['input', 'registered', 'invalid']).toContain(decode(kind, Buffer.from(text)).kind);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
