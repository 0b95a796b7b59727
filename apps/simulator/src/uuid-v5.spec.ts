import { eventIdSchema } from '@fengqiao/contracts';
import { uuidV5 } from './uuid-v5';

// RFC 9562 / RFC 4122 namespaces, and the well-known python `uuid.uuid5` outputs for them.
const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it.each([
    { ns: DNS, name: 'python.org', expected: '886313e1-3b8a-5372-9b90-0c9aee199e5d' },
    { ns: URL, name: 'http://python.org/', expected: '4c565f0d-3f5a-5890-b41b-20cf47701c5e' },
  ])('derives $expected from $name', ({ ns, name, expected }) => {
    expect(uuidV5(name, ns)).toBe(expected);
  });

  it('is deterministic, distinct per name, and a valid event id', () => {
    expect(uuidV5('status/1/2')).toBe(uuidV5('status/1/2'));
    expect(uuidV5('status/1/2')).not.toBe(uuidV5('status/1/3'));
    expect(eventIdSchema.safeParse(uuidV5('status/1/2')).success).toBe(true);
  });
});
