import {
  reportListQuerySchema,
  reportRequestSchema,
  reportRequestStatusSchema,
  type ReportMetadata,
  type ReportRequestStatus,
} from '@fengqiao/contracts';
import { formatInstant } from '../cases/case-view';
import { EMPTY_REGION, regionDraftOf } from '../common/region-cascade';
import {
  cascadeLevelsOf,
  checkDraft,
  filtersToSearch,
  formatBytes,
  formatRate,
  isPending,
  listParams,
  mergeRequests,
  parseFilters,
  reportFileName,
  shanghaiDate,
  shownReports,
} from './report-view';

const status = (id: string, state: ReportRequestStatus['state'], minute: number): ReportRequestStatus => ({
  id,
  level: 'county',
  region: '511902',
  period: { kind: 'month', start: '2026-10-01', end: '2026-11-01', label: '2026-10' },
  state,
  requestedAt: `2026-11-27T08:${String(minute).padStart(2, '0')}:00.000Z`,
  startedAt: null,
  finishedAt: null,
  attempts: state === 'queued' ? 0 : 1,
  reportId: state === 'ready' ? '00000000-0000-4000-8000-000000000001' : null,
  failure: state === 'failed' ? { code: 'TIMED_OUT', message: 'still running after 2 attempts' } : null,
});

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
  const picked = (code: string) => regionDraftOf(code);

  it.each([
    ['city', []],
    ['county', ['county']],
    ['township', ['county', 'township']],
    ['grid', ['county', 'township', 'village', 'grid']],
  ] as const)('a %s report is picked through %j', (level, levels) => {
    expect(cascadeLevelsOf(level)).toEqual(levels);
  });

  it.each([
    [
      { level: 'county', region: picked('511902'), periodKind: '', date: '2026-11-26' },
      { level: 'county', region: '511902', date: '2026-11-26' },
    ],
    [
      { level: 'city', region: EMPTY_REGION, periodKind: 'week', date: '2026-11-26' },
      { level: 'city', region: '511900', periodKind: 'week', date: '2026-11-26' },
    ],
    [
      { level: 'township', region: picked('511902001'), periodKind: 'week', date: '2026-11-26' },
      { level: 'township', region: '511902001', date: '2026-11-26' },
    ],
    // Picked further down than the level: the level's own code is asked for.
    [
      { level: 'county', region: picked('511902001002'), periodKind: 'month', date: '2026-11-26' },
      { level: 'county', region: '511902', date: '2026-11-26' },
    ],
  ] as const)('%j → %j', (draft, request) => {
    const check = checkDraft(draft);
    expect(check).toEqual({ ok: true, request });
    if (check.ok) expect(reportRequestSchema.parse(check.request)).toEqual(request);
  });

  it.each([
    [
      { level: 'township', region: picked('511902'), periodKind: '', date: '2026-11-26' },
      'region',
      'region-missing',
    ],
    [
      { level: 'county', region: EMPTY_REGION, periodKind: '', date: '2026-11-26' },
      'region',
      'region-missing',
    ],
    [
      { level: 'county', region: { ...EMPTY_REGION, county: '51190' }, periodKind: '', date: '2026-11-26' },
      'region',
      'region-format',
    ],
    [
      {
        level: 'county',
        region: { ...EMPTY_REGION, county: '511902001' },
        periodKind: '',
        date: '2026-11-26',
      },
      'region',
      'region-level',
    ],
    [
      { level: 'grid', region: picked('511902001001001'), periodKind: '', date: '26.11.2026' },
      'date',
      'date',
    ],
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

describe('on-demand requests as the page keeps them', () => {
  it('newer states win, newest request first; ready after pending asks for a list reload', () => {
    const old = [status('a', 'running', 1), status('b', 'queued', 2)];
    const valid = { ...status('a', 'running', 1), id: '00000000-0000-4000-8000-000000000002' };
    expect(reportRequestStatusSchema.parse(valid)).toEqual(valid);
    const merged = mergeRequests(old, [status('a', 'ready', 1), status('b', 'running', 2)]);
    expect(merged.items.map((r) => [r.id, r.state])).toEqual([
      ['b', 'running'],
      ['a', 'ready'],
    ]);
    expect(merged.becameReady).toBe(true);
    expect(merged.items.some(isPending)).toBe(true);
    // Loading the list for the first time finds ready ones: nothing became ready here.
    expect(mergeRequests([], [status('c', 'ready', 3)]).becameReady).toBe(false);
    expect(mergeRequests([status('d', 'queued', 4)], [status('d', 'failed', 4)]).becameReady).toBe(false);
  });

  it('keeps the ten newest', () => {
    const many = Array.from({ length: 14 }, (_, i) => status(`r${i}`, 'ready', i));
    const kept = mergeRequests([], many).items;
    expect(kept).toHaveLength(10);
    expect(kept[0]?.id).toBe('r13');
  });
});

describe('list paging', () => {
  it('sends the cursor of "more" and shows a report once when it moved onto the first page', () => {
    const q = reportListQuerySchema.parse(listParams(parseFilters(''), 'abc'));
    expect(q).toMatchObject({ cursor: 'abc', limit: 50 });
    const r = (id: string) => ({ id }) as ReportMetadata;
    expect(shownReports([r('1'), r('2')], [r('2'), r('3')]).map((x) => x.id)).toEqual(['1', '2', '3']);
  });
});
