import { type AlertEvidenceCaseEvent } from '@fengqiao/contracts';
import { caseEvidenceLine, otherEvidenceIds, type CaseEvidenceNames } from './case-evidence';

const reported: AlertEvidenceCaseEvent = {
  eventId: '00000000-0000-4000-8000-000000000001',
  // 23:30 UTC is 07:30 of the next day in the city (UTC+8).
  occurredAt: '2026-12-04T23:30:00.000Z',
  caseId: 'C511902-20261205-00042',
  type: 'reported',
  county: '511902',
  township: '511902105',
  category: 'labour-wages',
};
const NAMES: CaseEvidenceNames = {
  kind: (t) => ({ reported: '受理', assigned: '交办' })[t as 'reported' | 'assigned'] ?? t,
  category: (c) => (c === 'labour-wages' ? '劳资纠纷' : c),
  place: (code) => (code === '511902105' ? '江北街道' : code),
};

describe('a case event of an alert’s evidence as a person reads it', () => {
  it('reads its case, kind in words, category, township by name and the time in city time', () => {
    expect(caseEvidenceLine(reported, NAMES)).toEqual({
      time: '2026-12-05 07:30',
      caseId: 'C511902-20261205-00042',
      kind: '受理',
      category: '劳资纠纷',
      place: '江北街道',
      placeCode: '511902105',
    });
  });

  it('has no category line for an event without one (a later step of the case)', () => {
    const { category: _c, ...assigned } = reported;
    const line = caseEvidenceLine({ ...assigned, type: 'assigned' }, NAMES);
    expect(line.kind).toBe('交办');
    expect(line).not.toHaveProperty('category');
  });

  it('keeps behind the fold only the ids that are no event shown, at most 20', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `id-${i}`);
    const rest = otherEvidenceIds(ids, [{ eventId: 'id-0' }, { eventId: 'id-5' }]);
    expect(rest).toHaveLength(20);
    expect(rest).not.toContain('id-0');
    expect(rest).not.toContain('id-5');
    expect(rest[0]).toBe('id-1');
  });
});
