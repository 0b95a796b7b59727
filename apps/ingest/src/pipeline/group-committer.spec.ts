import { GroupCommitter } from './group-committer';
import { type FlushControl, type IncomingMessage } from './incoming-message';

const control: FlushControl = { keepAlive: () => Promise.resolve(), isActive: () => true };
const messages = (topic: string, n: number): IncomingMessage[] =>
  Array.from({ length: n }, (_, i) => ({ topic, partition: 0, offset: String(i), key: null, value: null }));

describe('GroupCommitter', () => {
  it('coalesces batches submitted together into one flush and resolves each after it', async () => {
    const flushes: number[] = [];
    const committer = new GroupCommitter((m) => Promise.resolve(void flushes.push(m.length)), {
      maxRows: 1000,
      lingerMs: 5,
    });
    await Promise.all([
      committer.submit(messages('a', 3), control),
      committer.submit(messages('b', 4), control),
    ]);
    expect(flushes).toEqual([7]);
  });

  it('flushes at once when maxRows wait, and forms the next flush from what arrives meanwhile', async () => {
    const flushes: number[] = [];
    let release: () => void = () => undefined;
    const committer = new GroupCommitter(
      (m) => {
        flushes.push(m.length);
        return flushes.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
      { maxRows: 10, lingerMs: 10_000 },
    );
    const first = committer.submit(messages('a', 10), control);
    const second = committer.submit(messages('b', 6), control);
    const third = committer.submit(messages('c', 6), control);
    release();
    await Promise.all([first, second, third]);
    expect(flushes).toEqual([10, 12]);
  });

  it('rejects every batch of a failed flush, so none of their offsets is committed', async () => {
    const committer = new GroupCommitter(() => Promise.reject(new Error('db down')), {
      maxRows: 100,
      lingerMs: 1,
    });
    const results = await Promise.allSettled([
      committer.submit(messages('a', 1), control),
      committer.submit(messages('b', 1), control),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
