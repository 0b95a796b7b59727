import { type Alert, type AlertGroupView } from '@fengqiao/contracts';
import { chunksOf, memberOf, overlayGroups, refetchDelay } from './server-groups';

const alert = (alertId: string, version: number, state: Alert['state'] = 'raised'): Alert => ({
  alertId,
  dedupKey: `k:${alertId}`,
  ruleId: 'r',
  ruleVersion: 1,
  colour: 'blue',
  state,
  version,
  title: 't',
  region: { county: '511902', township: '511902001' },
  escalationLevel: 'grid',
  raisedAt: '2026-12-07T01:00:00.000Z',
  updatedAt: '2026-12-07T01:00:00.000Z',
  explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
});
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const group = (): AlertGroupView => ({
  id: 'g@1',
  key: 'g',
  ruleId: 'r',
  title: 't',
  cause: '',
  area: { county: '511902', township: '511902001' },
  worst: 'blue',
  count: 2,
  newestAt: '2026-12-07T01:00:00.000Z',
  members: [alert(A, 1)],
  memberRefs: [
    { alertId: A, version: 1 },
    { alertId: B, version: 1 },
  ],
});

describe('the API groups with the screen’s newer versions', () => {
  it('puts a newer member version in place (shown members and references alike)', () => {
    const newer = new Map([
      [A, alert(A, 2, 'acknowledged')],
      [B, alert(B, 3, 'acknowledged')],
    ]);
    const [g] = overlayGroups([group()], (id) => newer.get(id));
    expect(g?.members.map((m) => [m.state, m.version])).toEqual([['acknowledged', 2]]);
    expect(g?.memberRefs).toEqual([
      { alertId: A, version: 2 },
      { alertId: B, version: 3 },
    ]);
  });

  it('never goes back to an older version, and leaves an untouched group as it was', () => {
    const g = group();
    const older = new Map([[A, alert(A, 1)]]);
    expect(overlayGroups([g], (id) => older.get(id))[0]).toBe(g);
  });

  it('finds a member sent in full, not one only referenced', () => {
    expect(memberOf([group()], A)?.alertId).toBe(A);
    expect(memberOf([group()], B)).toBeUndefined();
  });
});

describe('group commands and refetching', () => {
  it.each([
    [0, 500, []],
    [3, 2, [2, 1]],
    [1001, 500, [500, 500, 1]],
  ])('%i members in requests of at most %i: %j', (n, max, sizes) => {
    const chunks = chunksOf(
      Array.from({ length: n }, (_, i) => i),
      max,
    );
    expect(chunks.map((c) => c.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it.each([
    ['a quiet change waits the quiet time', 1000, 1000, 300],
    ['a storm is answered at most the longest wait after its first change', 2300, 1000, 200],
    ['never a negative delay', 9000, 1000, 0],
  ])('%s', (_t, now, first, delay) => {
    expect(refetchDelay(now, first, 300, 1500)).toBe(delay);
  });
});
