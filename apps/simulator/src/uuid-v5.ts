import { createHash } from 'node:crypto';

/** The simulator's UUID namespace: every id it derives lives under it. */
export const SIMULATOR_NAMESPACE = '6f1c2a8e-3b5d-4c7e-9a10-5119000a5119';

function bytesOf(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/**
 * RFC 9562 version-5 UUID (SHA-1 of namespace + name): the same source coordinates always give the
 * same event id, so a re-sent event is recognised as a duplicate downstream.
 */
export function uuidV5(name: string, namespace: string = SIMULATOR_NAMESPACE): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
