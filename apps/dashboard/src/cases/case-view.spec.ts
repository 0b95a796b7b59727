import {
  assignCommandSchema,
  closeCommandSchema,
  escalateCommandSchema,
  leaderCommandSchema,
  mediationCommandSchema,
  reopenCommandSchema,
  resolveCaseCommandSchema,
  triageCommandSchema,
  type CaseClock,
} from '@fengqiao/contracts';
import { actionsFor, commandBody, EMPTY_FIELDS, isStateConflict, type CaseCommandKind } from './case-actions';
import {
  caseFiltersToSearch,
  caseListParams,
  formatDuration,
  parseCaseFilters,
  statusNow,
  timeLeftNow,
  toggle,
} from './case-view';

const clock = (status: CaseClock['status'], timeLeftMs: number | null): CaseClock => ({
  kind: 'tier',
  startedAt: '2026-11-27T01:00:00.000Z',
  dueAt: timeLeftMs === null ? null : '2026-11-27T09:00:00.000Z',
  timeLeftMs,
  status,
});

describe('cases list filters in the URL', () => {
  it('round-trips and drops what is not a filter value', () => {
    const f = parseCaseFilters(
      '?region=511902&tier=simple,bogus,general&state=assigned&clock=breached,x&case=C511902-20261127-00001',
    );
    expect(f).toEqual({
      region: '511902',
      tiers: ['simple', 'general'],
      states: ['assigned'],
      clocks: ['breached'],
      selected: 'C511902-20261127-00001',
    });
    expect(parseCaseFilters(caseFiltersToSearch(f))).toEqual(f);
    expect(caseListParams(f)).toEqual({
      region: '511902',
      tier: 'simple,general',
      state: 'assigned',
      clock: 'breached',
      limit: '100',
    });
  });

  it('rejects a region that is not a county or township code', () => {
    expect(parseCaseFilters('?region=51190').region).toBe('');
  });

  it('toggles one value of a multi-valued filter', () => {
    expect(toggle(['at-risk'], 'breached')).toEqual(['at-risk', 'breached']);
    expect(toggle(['at-risk', 'breached'], 'at-risk')).toEqual(['breached']);
  });
});

describe('service-tier countdowns', () => {
  it('count down from the server figure, however far off the client clock is', () => {
    expect(timeLeftNow(clock('on-track', 60_000), 1_000_000, 1_030_000)).toBe(30_000);
    expect(timeLeftNow(clock('none', null), 0, 5)).toBeNull();
  });

  it.each([
    ['on-track', -1, 'breached'],
    ['at-risk', -1, 'breached'],
    ['at-risk', 10, 'at-risk'],
    ['met', -1, 'met'],
  ] as const)('%s with %d ms left shows as %s', (status, left, shown) => {
    expect(statusNow(clock(status, 0), left)).toBe(shown);
  });

  it.each([
    [3 * 86_400_000 + 2 * 3_600_000, '3天2小时'],
    [3_600_000 + 7 * 60_000 + 12_000, '1:07:12'],
    [-45_000, '0:00:45'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms, 'zh')).toBe(text));
});

describe('lifecycle actions', () => {
  it('offers by state, a leader only for open major disputes, nothing to watchers', () => {
    expect(actionsFor('triaged', 'general', 'intake-clerk')).toEqual([
      'triage',
      'assign',
      'mediation',
      'resolve',
      'escalate',
    ]);
    expect(actionsFor('triaged', 'general', 'intake-clerk')).not.toContain('leader');
    expect(actionsFor('reopened', 'general', 'admin')).not.toContain('mediation');
    expect(actionsFor('assigned', 'major', 'duty-officer')).toContain('leader');
    expect(actionsFor('closed', 'major', 'admin')).toEqual(['reopen']);
    expect(actionsFor('assigned', 'general', 'analyst')).toEqual([]);
    expect(actionsFor('assigned', 'general', 'wall')).toEqual([]);
  });

  const SCHEMAS = {
    triage: triageCommandSchema,
    assign: assignCommandSchema,
    mediation: mediationCommandSchema,
    resolve: resolveCaseCommandSchema,
    close: closeCommandSchema,
    reopen: reopenCommandSchema,
    escalate: escalateCommandSchema,
    leader: leaderCommandSchema,
  } as const;
  const full = { ...EMPTY_FIELDS, department: '住建局', person: '张调解', reason: '涉及多部门' };

  it.each(Object.keys(SCHEMAS) as CaseCommandKind[])(
    '%s: a filled form makes a body its contract accepts',
    (kind) => {
      const check = commandBody(kind, full);
      if (!check.ok) throw new Error(`missing ${check.field}`);
      expect(() => SCHEMAS[kind].parse(check.body)).not.toThrow();
    },
  );

  it('tells a state conflict from other refusals', () => {
    expect(isStateConflict({ status: 409, code: 'ALERT_VERSION_CONFLICT', message: '' })).toBe(true);
    const stale = {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'a case that is resolved cannot be assigned',
    };
    expect(isStateConflict(stale)).toBe(true);
    expect(isStateConflict({ status: 400, code: 'VALIDATION_FAILED', message: 'assignee: too long' })).toBe(
      false,
    );
  });

  it('names the missing field instead of sending', () => {
    expect(commandBody('assign', { ...full, person: ' ' })).toEqual({ ok: false, field: 'person' });
    expect(commandBody('escalate', { ...full, reason: '' })).toEqual({ ok: false, field: 'reason' });
  });
});
