import { caseEventSchema } from './case-event';

const reported = {
  schema: 'case.event.v1',
  eventId: '0b9f3c1e-6d1a-4c7e-9d7a-3f2b1a0c9e8d',
  caseId: 'C511902-20260514-00001',
  occurredAt: '2026-05-14T09:30:00+08:00',
  channel: 'window',
  region: { county: '511902', township: '511902001' },
  type: 'reported',
  category: 'property-housing',
  summary: 'Late delivery; property certificate never issued',
  partiesCount: 1,
  riskFlags: { violenceRisk: false, extremeWords: false, groupPetition: false, repeatVisits: 0 },
  parties: [{ name: '罗明', phone: '13800000000' }],
};

describe('caseEventSchema', () => {
  it('accepts a reported case', () => {
    const parsed = caseEventSchema.parse(reported);
    expect(parsed.type).toBe('reported');
  });

  it.each([
    ['an unknown event type', { ...reported, type: 'teleported' }, 'type'],
    [
      'a township outside its county',
      { ...reported, region: { county: '511902', township: '511903001' } },
      'region.township',
    ],
    ['a timestamp without offset', { ...reported, occurredAt: '2026-05-14 09:30' }, 'occurredAt'],
    ['an extra property', { ...reported, injected: true }, ''],
    [
      'a malformed id number',
      { ...reported, parties: [{ name: '罗明', idNumber: '123' }] },
      'parties.0.idNumber',
    ],
    ['a wrong schema version', { ...reported, schema: 'case.event.v0' }, 'schema'],
  ])('rejects %s at %s', (_title, input, path) => {
    const result = caseEventSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('caseEventSchema lifecycle additions', () => {
  const base = { ...reported, eventId: '1b9f3c1e-6d1a-4c7e-9d7a-3f2b1a0c9e8d' } as Record<string, unknown>;
  const { category: _c, summary: _s, partiesCount: _p, riskFlags: _r, parties: _pa, ...common } = base;

  it.each([
    ['in mediation, joint', { ...common, type: 'in-mediation', mediator: '调解员张', joint: true }],
    ['in mediation, joint by default false', { ...common, type: 'in-mediation', mediator: '调解员张' }],
    ['a leader in charge', { ...common, type: 'leader-assigned', leader: '王副县长', reason: '重大纠纷' }],
    [
      'a triage with unit, override reason and due time',
      {
        ...common,
        type: 'triaged',
        category: 'property-housing',
        tier: 'general',
        department: '住建局',
        unit: 'department',
        overrideReason: '涉及多户',
        dueAt: '2026-05-21T16:00:00.000Z',
      },
    ],
  ])('accepts %s', (_title, input) => {
    expect(caseEventSchema.safeParse(input).success).toBe(true);
  });

  it('rejects a mediation without a mediator and a leader assignment without a reason', () => {
    expect(caseEventSchema.safeParse({ ...common, type: 'in-mediation' }).success).toBe(false);
    expect(caseEventSchema.safeParse({ ...common, type: 'leader-assigned', leader: '王' }).success).toBe(
      false,
    );
  });

  it('rejects a party key that is not a SHA-256 hex digest', () => {
    expect(caseEventSchema.safeParse({ ...reported, partyKeys: ['abc'] }).success).toBe(false);
  });
});
