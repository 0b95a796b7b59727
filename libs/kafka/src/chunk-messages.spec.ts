import { chunkMessages } from './chunk-messages';

const msg = (bytes: number, key = 'k') => ({ key, value: Buffer.alloc(bytes), headers: { h: 'v' } });

describe('chunkMessages', () => {
  it('keeps a small send whole', () => {
    const messages = [msg(100), msg(200)];
    expect(chunkMessages(messages, 10_000)).toEqual([messages]);
  });

  it('splits a burst into runs within the budget, in order, losing nothing', () => {
    const messages = Array.from({ length: 50 }, (_, i) => msg(1000, `k${i}`));
    const chunks = chunkMessages(messages, 10_000);
    expect(chunks.length).toBeGreaterThan(4);
    expect(chunks.flat()).toEqual(messages);
    for (const c of chunks) expect(c.reduce((s, m) => s + m.value.length, 0)).toBeLessThanOrEqual(10_000);
  });

  it('sends a message larger than the budget on its own', () => {
    const big = msg(20_000);
    expect(chunkMessages([msg(10), big, msg(10)], 10_000)).toEqual([[msg(10)], [big], [msg(10)]]);
  });
});
