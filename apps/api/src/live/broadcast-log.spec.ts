import { BroadcastLog } from './broadcast-log';

describe('BroadcastLog', () => {
  it('refuses a seq it already broadcast (a Kafka redelivery)', () => {
    const log = new BroadcastLog();
    expect(log.record(1, 0)).toBe(true);
    expect(log.record(1, 0)).toBe(false);
  });

  it('tells which seqs were broadcast after a mark', () => {
    const log = new BroadcastLog();
    log.record(1, 0);
    const mark = log.mark();
    log.record(3, 0);
    log.record(2, 0);
    expect([...log.seqsSince(mark)].sort()).toEqual([2, 3]);
  });

  it('hands out replayed sockets once, and forgets them after the time limit', () => {
    const log = new BroadcastLog(100, 1000);
    log.replayedTo(5, 's1', 0);
    log.replayedTo(5, 's2', 0);
    expect(log.takeReplayed(5).sort()).toEqual(['s1', 's2']);
    expect(log.takeReplayed(5)).toEqual([]);
    log.replayedTo(6, 's1', 0);
    log.record(7, 5000);
    expect(log.takeReplayed(6)).toEqual([]);
  });

  it('stays bounded', () => {
    const log = new BroadcastLog(10);
    for (let s = 1; s <= 100; s += 1) log.record(s, 0);
    expect(log.seqsSince(0).size).toBe(10);
    expect(log.record(1, 0)).toBe(true);
  });
});
