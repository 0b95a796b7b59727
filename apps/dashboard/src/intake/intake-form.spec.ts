import { caseIntakeRequestSchema, duplicateCheckRequestSchema } from '@fengqiao/contracts';
import { W } from '../i18n/strings';
import { isValidIdNumber, isValidPhone } from './id-number';
import {
  duplicateCheck,
  EMPTY_DRAFT,
  routingQuery,
  toIntakeRequest,
  validateDraft,
  type IntakeDraft,
} from './intake-form';

const filled: IntakeDraft = {
  ...EMPTY_DRAFT,
  parties: [{ name: '罗明', phone: '13800001234', idNumber: '11010519491231002x' }],
  region: { county: '511902', township: '511902001', village: '', grid: '' },
  category: 'property-housing',
  summary: '开发商逾期交房，未办理产权证',
};

describe('resident ID numbers (GB 11643 check digit)', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['110105194912310021', false],
    ['1101051949123100', false],
    ['11010519491231002Y', false],
  ])('%s → %s', (id, ok) => expect(isValidIdNumber(id)).toBe(ok));
});

describe('phone numbers', () => {
  it.each([
    ['13800001234', true],
    ['0827-5260000', true],
    ['08275260000', true],
    ['1380000123', false],
    ['abc', false],
  ])('%s → %s', (p, ok) => expect(isValidPhone(p)).toBe(ok));
});

describe('validating the intake draft', () => {
  it('accepts a filled draft and maps it onto a request the API contract accepts', () => {
    expect(validateDraft(filled)).toEqual({});
    const req = caseIntakeRequestSchema.parse(toIntakeRequest(filled));
    expect(req.parties).toEqual([{ name: '罗明', phone: '13800001234', idNumber: '11010519491231002X' }]);
    expect(req.routing).toBeUndefined();
  });

  it('names each wrong field with its Chinese message', () => {
    const errors = validateDraft({
      ...EMPTY_DRAFT,
      parties: [{ name: ' ', phone: '12', idNumber: '110105194912310021' }],
      region: { county: '511902', township: '511903001', village: '', grid: '' },
    });
    expect(errors).toEqual({
      'parties.0.name': W.errName,
      'parties.0.phone': W.errPhone,
      'parties.0.idNumber': W.errIdNumber,
      region: W.errRegion,
      category: W.errCategory,
      summary: W.errDescription,
    });
  });

  it('requires a reason for an overridden routing and sends the override with it', () => {
    const routing = { tier: 'complex', department: '住建局', unit: 'department' } as const;
    const draft: IntakeDraft = { ...filled, routing: { mode: 'override', routing, reason: ' ' } };
    expect(validateDraft(draft)).toEqual({ overrideReason: W.errReason });
    const ok = { ...draft, routing: { mode: 'override', routing, reason: '涉及产权登记' } } as const;
    expect(toIntakeRequest(ok)).toMatchObject({ routing, overrideReason: '涉及产权登记' });
  });

  it('a repeat visit carries the earlier case and raises the repeat-visits risk flag', () => {
    const repeatOf = 'C511902-20261120-00042';
    const req = caseIntakeRequestSchema.parse(toIntakeRequest({ ...filled, repeatOf }));
    expect(req.repeatOf).toBe(repeatOf);
    expect(req.riskFlags.repeatVisits).toBe(1);
  });
});

describe('questions the form asks while the clerk types', () => {
  it('asks for routing only once category and township are known, re-asking on either change', () => {
    expect(routingQuery({ ...filled, category: '' })).toBeNull();
    expect(routingQuery({ ...filled, region: { ...filled.region, township: '' } })).toBeNull();
    expect(routingQuery(filled)).toEqual({
      category: 'property-housing',
      county: '511902',
      township: '511902001',
    });
    expect(routingQuery({ ...filled, category: 'traffic', groupPetition: true })).toMatchObject({
      category: 'traffic',
      groupPetition: 'true',
    });
  });

  it('checks duplicates by names and phones in the body, never ID numbers', () => {
    const check = duplicateCheckRequestSchema.parse(duplicateCheck(filled));
    expect(check.parties).toEqual([{ name: '罗明', phone: '13800001234' }]);
    expect(JSON.stringify(check)).not.toContain('11010519491231002');
  });
});
