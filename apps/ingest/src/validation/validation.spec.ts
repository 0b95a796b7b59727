import fc from 'fast-check';
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
import { type Checked } from './rejection';
import { parseJsonSafely } from './safe-json';

function check(kind: TopicKind, value: string | Buffer): Checked<unknown> {
  const parsed = parseJsonSafely(Buffer.isBuffer(value) ? value : Buffer.from(value));
  return parsed.ok ? validateEvent(kind, parsed.value, Date.now()) : parsed;
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
