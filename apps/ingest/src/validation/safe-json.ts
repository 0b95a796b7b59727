import { findForbiddenText } from '@fengqiao/contracts';
import { type InputLimits } from './input-limits';
import { reject, type Checked } from './rejection';

const utf8 = new TextDecoder('utf-8', { fatal: true });

// A `__proto__` key, however escaped, would reach a merge somewhere downstream: refuse it outright.
const PROTO_KEY = /"(__proto__|\\u005f_proto__|_\\u005fproto__)"\s*:/i;

/** Decodes and parses one message's bytes without trusting any of them. */
export function parseJsonSafely(
  raw: Buffer | null,
  limits: Pick<InputLimits, 'maxMessageBytes'>,
): Checked<unknown> {
  if (raw === null || raw.length === 0) return reject('EMPTY', 'message has no value');
  if (raw.length > limits.maxMessageBytes)
    return reject('OVERSIZED', `message is ${raw.length} bytes; the limit is ${limits.maxMessageBytes}`);
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return reject('NOT_UTF8', 'message is not valid UTF-8');
  }
  if (PROTO_KEY.test(text)) return reject('FORBIDDEN_KEY', 'message contains a __proto__ key');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    return reject('NOT_JSON', `not JSON: ${err instanceof Error ? err.message : 'parse error'}`);
  }
  // On the parsed strings, with the contracts' one definition: a text that merely reads like an
  // escape ("C:\\bin", a literal "\\u0007") is not a control character (it was refused here once,
  // dead-lettering a case the API had accepted).
  const forbidden = findForbiddenText(value);
  if (forbidden !== undefined)
    return reject('FORBIDDEN_CHARACTER', `${forbidden}: control or bidirectional formatting characters`);
  return { ok: true, value };
}
