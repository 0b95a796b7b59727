import { reportListQuerySchema, reportRequestSchema } from '@fengqiao/contracts';
import { formatInstant } from '../cases/case-view';
import {
  checkDraft,
  filtersToSearch,
  formatBytes,
  formatRate,
  listParams,
  parseFilters,
  reportFileName,
  shanghaiDate,
} from './report-view';

describe('reports list filters', () => {
  it('round-trip through the URL and become a list query the API accepts', () => {
    const f = parseFilters('?level=township&period=week&region=511902001&lang=en');
    expect(f).toEqual({ level: 'township', periodKind: 'week', region: '511902001' });
    expect(parseFilters(filtersToSearch(f))).toEqual(f);
    const q = reportListQuerySchema.parse(listParams(f));
    expect(q).toMatchObject({ level: 'township', periodKind: 'week', region: '511902001', within: true });
  });

  it('drop values that are not filters', () => {
    expect(parseFilters('?level=planet&period=year&region=12345')).toEqual({
      level: '',
      periodKind: '',
      region: '',
    });
  });
});

describe('the on-demand request form', () => {
  it.each([
    [
      { level: 'county', region: '511902', periodKind: '', date: '2026-11-26' },
      { level: 'county', region: '511902', date: '2026-11-26' },
    ],
    [
      { level: 'city', region: '', periodKind: 'week', date: '2026-11-26' },
      { level: 'city', region: '511900', periodKind: 'week', date: '2026-11-26' },
    ],
    [
      { level: 'township', region: '511902001', periodKind: 'week', date: '2026-11-26' },
      { level: 'township', region: '511902001', date: '2026-11-26' },
    ],
  ] as const)('%j → %j', (draft, request) => {
    const check = checkDraft(draft);
    expect(check).toEqual({ ok: true, request });
    if (check.ok) expect(reportRequestSchema.parse(check.request)).toEqual(request);
  });

  it.each([
    [{ level: 'county', region: '51190', periodKind: '', date: '2026-11-26' }, 'region', 'region-format'],
    [{ level: 'county', region: '511902001', periodKind: '', date: '2026-11-26' }, 'region', 'region-level'],
    [{ level: 'grid', region: '511902001001001', periodKind: '', date: '26.11.2026' }, 'date', 'date'],
  ] as const)('%j is refused at %s (%s)', (draft, field, problem) => {
    expect(checkDraft(draft)).toEqual({ ok: false, field, problem });
  });
});

describe('figures as shown', () => {
  it('formats sizes, rates, dates and file names', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(48_128)).toBe('47.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0.876)).toBe('88%');
    expect(shanghaiDate(Date.parse('2026-11-26T17:30:00Z'))).toBe('2026-11-27');
    expect(formatInstant('2026-11-26T17:30:00Z', 'zh')).toBe('2026/11/27 01:30');
    expect(reportFileName({ level: 'county', region: '511902', period: { label: '2026-11' } }, 'pdf')).toBe(
      'report-county-511902-2026-11.pdf',
    );
  });
});
