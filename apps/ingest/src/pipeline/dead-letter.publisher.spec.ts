import { nextOffsets } from './dead-letter.publisher';

const m = (topic: string, partition: number, offset: string) => ({
  topic,
  partition,
  offset,
  key: null,
  value: null,
});

describe('nextOffsets (what a flush with dead letters commits in its transaction)', () => {
  it('is one past the highest offset read of each partition, whatever the order', () => {
    const next = nextOffsets([
      m('a', 0, '7'),
      m('a', 1, '3'),
      m('a', 0, '9'),
      m('b', 0, '0'),
      m('a', 0, '8'),
    ]);
    expect(next.sort((x, y) => `${x.topic}${x.partition}`.localeCompare(`${y.topic}${y.partition}`))).toEqual(
      [
        { topic: 'a', partition: 0, offset: '10' },
        { topic: 'a', partition: 1, offset: '4' },
        { topic: 'b', partition: 0, offset: '1' },
      ],
    );
  });

  it('compares offsets as numbers beyond 2^53 and counts a message listed twice once', () => {
    expect(
      nextOffsets([m('a', 0, '9007199254740993'), m('a', 0, '10'), m('a', 0, '9007199254740993')]),
    ).toEqual([{ topic: 'a', partition: 0, offset: '9007199254740994' }]);
  });
});
