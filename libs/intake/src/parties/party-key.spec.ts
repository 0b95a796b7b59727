import { type EarlierCase, findRepeatVisits, normalisedPartyText } from './party-key';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T02:00:00Z');

describe('normalisedPartyText', () => {
  it('gives the same text for the same person typed differently', () => {
    const a = normalisedPartyText({ name: '罗 明', phone: '+86 138-0000-0000' });
    const b = normalisedPartyText({ name: '罗明', phone: '１３８００００００００' });
    expect(a).toBe(b);
    expect(normalisedPartyText({ name: '罗明', phone: '13800000001' })).not.toBe(a);
    expect(normalisedPartyText({ name: 'Li Wei' })).toBe(normalisedPartyText({ name: 'li  wei' }));
  });
});

describe('findRepeatVisits', () => {
  const earlier = (
    caseId: string,
    daysAgo: number,
    keys: string[],
    over: Partial<EarlierCase> = {},
  ): EarlierCase => ({
    caseId,
    reportedAtMs: NOW - daysAgo * DAY,
    township: '511902001',
    village: '511902001001',
    partyKeys: keys,
    ...over,
  });
  const q = {
    partyKeys: ['a', 'b'],
    township: '511902001',
    village: '511902001001',
    nowMs: NOW,
    withinDays: 30,
  };

  it('offers earlier cases at the same place sharing a party, most shared first, then newest', () => {
    const found = findRepeatVisits(q, [
      earlier('C1', 3, ['a']),
      earlier('C2', 10, ['a', 'b']),
      earlier('C3', 1, ['b', 'z']),
    ]);
    expect(found).toEqual([
      { caseId: 'C2', matchedParties: 2 },
      { caseId: 'C3', matchedParties: 1 },
      { caseId: 'C1', matchedParties: 1 },
    ]);
  });

  it.each([
    ['older than the window', earlier('C', 31, ['a'])],
    ['in another township', earlier('C', 2, ['a'], { township: '511902002', village: null })],
    ['in another village of the township', earlier('C', 2, ['a'], { village: '511902001002' })],
    ['without a shared party', earlier('C', 2, ['x', 'y'])],
  ])('ignores a case %s', (_title, c) => {
    expect(findRepeatVisits(q, [c])).toEqual([]);
  });
});
