import { alertCaseRequestSchema, type Alert } from '@fengqiao/contracts';
import { alertHref, alertOfSearch, caseFormOf, caseHref, caseRequestOf } from './alert-case';

const alert: Alert = {
  alertId: '00000000-0000-4000-8000-000000000001',
  dedupKey: 'k',
  ruleId: 'wages-cluster',
  ruleVersion: 1,
  colour: 'red',
  state: 'raised',
  version: 1,
  title: '欠薪群体性纠纷',
  region: { county: '511902', township: '511902105' },
  escalationLevel: 'grid',
  raisedAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
  explanation: {
    summary: '1小时内同一地点来访 12 次，来电 13912345678',
    evidence: [],
    values: { category: 'labour-wages', visits: 12 },
    thresholds: { visits: 10 },
  },
};

describe('turning an alert into a case from the duty console', () => {
  it('prefills the form with the category the rule compared and a masked summary of the alert', () => {
    const form = caseFormOf(alert);
    expect(form.category).toBe('labour-wages');
    expect(form.summary).toContain('【预警转案件】欠薪群体性纠纷');
    expect(form.summary).not.toContain('13912345678');
  });

  it('falls back to "other" when the rule compared no case category', () => {
    const noCategory = { ...alert, explanation: { ...alert.explanation, values: { visits: 12 } } };
    expect(caseFormOf(noCategory).category).toBe('other');
  });

  it('sends the edited form as the route takes it (trimmed)', () => {
    const check = caseRequestOf({ category: 'neighbourhood', summary: '  邻里纠纷，需社区调解 ' });
    expect(check).toEqual({ ok: true, body: { category: 'neighbourhood', summary: '邻里纠纷，需社区调解' } });
    if (check.ok) expect(alertCaseRequestSchema.parse(check.body)).toEqual(check.body);
  });

  it.each([
    ['a blank summary', { category: 'neighbourhood', summary: '   ' }, 'summary-empty'],
    ['501 characters', { category: 'neighbourhood', summary: '长'.repeat(501) }, 'summary-long'],
    ['an unknown category', { category: 'not-a-category', summary: '摘要' }, 'category'],
  ])('refuses %s before sending', (_what, form, reason) => {
    expect(caseRequestOf(form)).toEqual({ ok: false, reason });
  });

  it('links the case and the alert both ways', () => {
    expect(caseHref('C511902-20261207-00042')).toBe('/cases?case=C511902-20261207-00042');
    const back = alertHref(alert.alertId);
    expect(alertOfSearch(back.slice(back.indexOf('?')))).toBe(alert.alertId);
  });

  it.each(['', '?alert=', '?alert=not-a-uuid', '?alert=../x'])('opens no alert for %j', (search) => {
    expect(alertOfSearch(search)).toBeUndefined();
  });
});
