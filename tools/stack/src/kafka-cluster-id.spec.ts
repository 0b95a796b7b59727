import { newKafkaClusterId } from './kafka-cluster-id';

describe('newKafkaClusterId', () => {
  it('never starts with a dash (kafka-storage would read it as an option), over many draws', () => {
    const ids = Array.from({ length: 5000 }, () => newKafkaClusterId());
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([]);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id))).toBe(true);
  });

  it('draws again when the bytes would give a leading dash', () => {
    // 0xf8 0x… encodes to '-' first in base64url (62 = '-' is 0b111110xx).
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const id = newKafkaClusterId(() => draws.shift() ?? Buffer.alloc(16, 0x02));
    expect(Buffer.alloc(16, 0xf8).toString('base64url').startsWith('-')).toBe(true);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
  });
});
