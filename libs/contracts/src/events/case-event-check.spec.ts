import { checkCaseEvent } from './case-event-check';

const reported = {
  schema: 'case.event.v1',
  eventId: '0b9f3c1e-6d1a-4c7e-9d7a-3f2b1a0c9e8d',
  caseId: 'C511902-20260514-00001',
  occurredAt: '2026-05-14T09:30:00+08:00',
  channel: 'window',
  region: { county: '511902', township: '511902001' },
  type: 'reported',
  category: 'property-housing',
  summary: '开发商逾期交房\n一直未办理产权证',
  partiesCount: 1,
  riskFlags: { violenceRisk: false, extremeWords: false, groupPetition: false, repeatVisits: 0 },
  parties: [{ name: '罗明', phone: '13800000000' }],
};

describe('checkCaseEvent, the one case validator of the API and the ingest', () => {
  it('accepts a reported case, tabs and newlines, and text that only reads like an escape', () => {
    expect(checkCaseEvent(reported)).toMatchObject({ ok: true, event: { type: 'reported' } });
    expect(checkCaseEvent({ ...reported, summary: 'C:\\bin\t\\u0007 \\u202e' }).ok).toBe(true);
  });

  it.each([
    ['U+202E (right-to-left override)', '\u202e'],
    ['U+202C (pop directional formatting)', '\u202c'],
    ['U+2066 (left-to-right isolate)', '\u2066'],
    ['U+0007 (bell)', '\u0007'],
    ['U+0000', '\u0000'],
    ['U+001B (escape)', '\u001b'],
    ['U+007F (delete)', '\u007f'],
    ['U+0085 (next line, C1)', '\u0085'],
  ])('refuses %s in the summary, naming the path', (_title, c) => {
    expect(checkCaseEvent({ ...reported, summary: `欠薪${c}纠纷` })).toEqual({
      ok: false,
      code: 'FORBIDDEN_CHARACTER',
      issues: [{ path: 'summary', message: expect.any(String) as string }],
    });
  });

  it('looks into every string: a party name, a nested key', () => {
    const inName = checkCaseEvent({ ...reported, parties: [{ name: '罗\u200f明' }] });
    expect(inName).toMatchObject({ ok: false, issues: [{ path: 'parties.0.name' }] });
    const inKey = checkCaseEvent({ ...reported, region: { county: '511902', ['town\u202eship']: 'x' } });
    expect(inKey).toMatchObject({ ok: false, code: 'FORBIDDEN_CHARACTER', issues: [{ path: 'region' }] });
  });

  it('refuses a schema violation and a case id from another county with their codes', () => {
    expect(checkCaseEvent({ ...reported, summary: '' })).toMatchObject({
      ok: false,
      code: 'SCHEMA_INVALID',
      issues: [{ path: 'summary' }],
    });
    expect(checkCaseEvent({ ...reported, caseId: 'C511921-20260514-00001' })).toMatchObject({
      ok: false,
      code: 'INCONSISTENT_IDS',
    });
  });
});

describe('checkCaseEvent with the configured city (FQ_CITY_CODE)', () => {
  it('refuses a case of another city with REGION_OUTSIDE_CITY and accepts its own', () => {
    expect(checkCaseEvent(reported, '5119').ok).toBe(true);
    expect(checkCaseEvent(reported, '5113')).toEqual({
      ok: false,
      code: 'REGION_OUTSIDE_CITY',
      issues: [{ path: 'region.county', message: 'not in the configured city (FQ_CITY_CODE 5113)' }],
    });
  });
});

describe('checkCaseEvent with the city’s extent', () => {
  const extent = { minLon: 106.2, minLat: 31.2, maxLon: 107.8, maxLat: 32.8, marginKm: 10 };
  it('refuses a reported location outside it with LOCATION_OUTSIDE_CITY, and takes one inside or none', () => {
    expect(checkCaseEvent({ ...reported, location: { lon: 106.75, lat: 31.86 } }, '5119', extent).ok).toBe(
      true,
    );
    expect(checkCaseEvent(reported, '5119', extent).ok).toBe(true);
    expect(checkCaseEvent({ ...reported, location: { lon: 116.4, lat: 39.9 } }, '5119', extent)).toEqual({
      ok: false,
      code: 'LOCATION_OUTSIDE_CITY',
      issues: [
        {
          path: 'location',
          message: 'outside the configured city’s extent (its outline’s bounding box + 10 km)',
        },
      ],
    });
    // Without an extent (another city with no outlines) no location is refused for its place.
    expect(checkCaseEvent({ ...reported, location: { lon: 116.4, lat: 39.9 } }, '5119').ok).toBe(true);
  });
});
