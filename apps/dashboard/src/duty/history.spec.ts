import { type AlertHistoryEntry } from '@fengqiao/contracts';
import { historyLine } from './history';

const officer = '00000000-0000-4000-8000-0000000000aa';
const names = new Map([[officer, '张伟']]);
const raised: AlertHistoryEntry = {
  seq: 1,
  version: 1,
  change: 'raised',
  occurredAt: '2026-12-06T16:05:09.000Z',
};

describe('alert history lines', () => {
  it('reads in Chinese with Beijing date and time, not "raised v1"', () => {
    expect(historyLine(raised, 'zh', names)).toEqual({
      time: '2026-12-07 00:05:09',
      what: '生成预警',
      who: '系统',
    });
  });

  it('names a known person with their role, and an unknown one by role', () => {
    const ack: AlertHistoryEntry = {
      ...raised,
      seq: 2,
      version: 2,
      change: 'acknowledged',
      actor: { userId: officer, role: 'duty-officer' },
      note: '已核实',
    };
    expect(historyLine(ack, 'zh', names)).toMatchObject({
      what: '签收',
      who: '张伟（值班员）',
      note: '已核实',
    });
    expect(historyLine(ack, 'zh', new Map())).toMatchObject({ who: '值班员' });
    expect(historyLine(ack, 'en', names)).toMatchObject({ what: 'acknowledged', who: '张伟 (duty officer)' });
  });

  it('names another officer by the name the API sends with the history', () => {
    const other: AlertHistoryEntry = {
      ...raised,
      seq: 2,
      version: 2,
      change: 'dispatched',
      actor: { userId: '00000000-0000-4000-8000-0000000000bb', role: 'duty-officer', name: '李娜' },
    };
    expect(historyLine(other, 'zh', names)).toMatchObject({ what: '派遣', who: '李娜（值班员）' });
  });

  it("names the level an escalation went to in the screen's language", () => {
    const esc: AlertHistoryEntry = {
      ...raised,
      seq: 3,
      version: 3,
      change: 'escalated',
      actor: { userId: officer, role: 'duty-officer' },
      note: 'to county: 需区县协调',
    };
    expect(historyLine(esc, 'zh', names).note).toBe('上报至区县: 需区县协调');
    expect(historyLine(esc, 'en', names).note).toBe('Escalate to county: 需区县协调');
    expect(historyLine({ ...esc, note: 'to city' }, 'zh', names).note).toBe('上报至市级');
  });
});
