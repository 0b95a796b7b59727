import { parseRoleRun, summaryLine, totalsOf } from './fuzz-report';

const clean = JSON.stringify({
  exit_code: 0,
  operations: { total: 24, selected: 24, tested: 24 },
  test_cases: { generated: 900, unique_failures: 0 },
  failures: [],
  errors: [],
});

const failing = JSON.stringify({
  exit_code: 1,
  operations: { tested: 24 },
  test_cases: { generated: 950, unique_failures: 2 },
  failures: [
    { title: 'Server error', count: 1, operations: ['GET /api/trends/yoy'] },
    { title: 'Response violates schema', count: 1, operations: ['GET /api/alerts'] },
  ],
  errors: [{ title: 'Connection refused', count: 3 }],
});

describe('fuzz report', () => {
  it('reads a clean run', () => {
    expect(parseRoleRun('admin', clean, 0)).toEqual({
      role: 'admin',
      operations: 24,
      testCases: 900,
      failures: 0,
      findings: [],
      exitCode: 0,
    });
  });

  it('counts unique failures and errors, naming each group', () => {
    const run = parseRoleRun('wall', failing, 1);
    expect(run.failures).toBe(3);
    expect(run.findings).toEqual([
      'Server error ×1 in GET /api/trends/yoy',
      'Response violates schema ×1 in GET /api/alerts',
      'error: Connection refused ×3',
    ]);
  });

  it.each([
    ['no report', undefined, 2],
    ['a truncated report', '{"exit_code"', 1],
  ])('treats %s as a failure', (_title, text, exit) => {
    expect(parseRoleRun('analyst', text, exit).failures).toBe(1);
  });

  it('treats a non-zero exit without findings as a failure', () => {
    expect(parseRoleRun('admin', clean, 4)).toMatchObject({
      failures: 1,
      findings: ['schemathesis exited with 4'],
    });
  });

  it('totals the roles and falls back on the server’s 5xx count', () => {
    const runs = [parseRoleRun('admin', clean, 0), parseRoleRun('wall', clean, 0)];
    expect(summaryLine(totalsOf(runs, 1800, 0))).toBe('fuzz: 24 operations, 1800 requests, 0 failures');
    expect(totalsOf(runs, 1800, 2).failures).toBe(2);
    expect(totalsOf([parseRoleRun('wall', failing, 1)], 950, 1).failures).toBe(3);
  });
});
