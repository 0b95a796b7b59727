import { type Alert } from '@fengqiao/contracts';
import { caseDraftFromAlert } from './alert-case-draft';

const alert = (values: Alert['explanation']['values'], summary = '1小时内同一地点来访 12 次'): Alert => ({
  alertId: '00000000-0000-4000-8000-000000000001',
  dedupKey: 'k',
  ruleId: 'group-petition',
  ruleVersion: 1,
  colour: 'red',
  state: 'raised',
  version: 1,
  title: '群体性纠纷',
  region: { county: '511902', township: '511902001' },
  location: { lon: 106.75, lat: 31.86 },
  escalationLevel: 'grid',
  raisedAt: '2026-12-07T01:00:00.000Z',
  updatedAt: '2026-12-07T01:00:00.000Z',
  explanation: { summary, evidence: [], values, thresholds: {} },
});

describe('caseDraftFromAlert', () => {
  it('takes the township, the point and the category the rule compared', () => {
    const d = caseDraftFromAlert(alert({ category: 'labour-wages', visits: 12 }));
    expect(d).toEqual({
      channel: 'window',
      region: { county: '511902', township: '511902001' },
      location: { lon: 106.75, lat: 31.86 },
      category: 'labour-wages',
      summary: '【预警转案件】群体性纠纷：1小时内同一地点来访 12 次',
    });
  });

  it.each([
    ['no category fact', { visits: 12 }, 'other'],
    ['a value that is not a case category', { category: 'weather' }, 'other'],
  ])('%s → other', (_t, values, category) => {
    expect(caseDraftFromAlert(alert(values)).category).toBe(category);
  });

  it('says a camera alert came in by video', () => {
    expect(caseDraftFromAlert(alert({ online: false, siteType: 'school' })).channel).toBe('video');
  });

  it('masks phones and ID numbers, and keeps within the intake’s 500 characters', () => {
    const d = caseDraftFromAlert(
      alert({}, `来电 13912345678 身份证 51190219800101001X ${'很长'.repeat(400)}`),
    );
    expect(d.summary).not.toMatch(/13912345678|51190219800101001X/);
    expect(d.summary.length).toBeLessThanOrEqual(500);
  });
});
