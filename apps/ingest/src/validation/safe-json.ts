import { reject, type Checked } from './rejection';

/** Largest message accepted (bytes); every valid contract fits in a few KiB. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Raw C1 controls, DEL, and bidirectional formatting characters (Trojan Source) in any string.
const FORBIDDEN_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// The same, plus C0 controls other than tab/newline/return, written as JSON escapes.
const FORBIDDEN_ESCAPED =
  /\\u(000[0-8bcef]|001[0-9a-f]|007f|00[89][0-9a-f]|061c|200[ef]|202[a-e]|206[6-9])|\\[bf]/i;
// A `__proto__` key, however escaped, would reach a merge somewhere downstream: refuse it outright.
const PROTO_KEY = /"(__proto__|\\u005f_proto__|_\\u005fproto__)"\s*:/i;

/** Decodes and parses one message's bytes without trusting any of them. */
export function parseJsonSafely(raw: Buffer | null): Checked<unknown> {
  if (raw === null || raw.length === 0) return reject('EMPTY', 'message has no value');
  if (raw.length > MAX_MESSAGE_BYTES)
    return reject('OVERSIZED', `message is ${raw.length} bytes; the limit is ${MAX_MESSAGE_BYTES}`);
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return reject('NOT_UTF8', 'message is not valid UTF-8');
  }
  if (FORBIDDEN_RAW.test(text) || FORBIDDEN_ESCAPED.test(text))
    return reject('FORBIDDEN_CHARACTER', 'message contains control or bidirectional formatting characters');
  if (PROTO_KEY.test(text)) return reject('FORBIDDEN_KEY', 'message contains a __proto__ key');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return reject('NOT_JSON', `not JSON: ${err instanceof Error ? err.message : 'parse error'}`);
  }
}
