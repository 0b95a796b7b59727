/** What one schemathesis run (one role) found, read from its `--report json` file. */
export interface RoleRun {
  readonly role: string;
  readonly operations: number;
  readonly testCases: number;
  /** Unique failures (a check that failed, deduplicated by schemathesis) plus errors. */
  readonly failures: number;
  /** One line per failure group or error: what broke and where. */
  readonly findings: readonly string[];
  readonly exitCode: number;
}

interface JsonReport {
  exit_code?: number;
  operations?: { tested?: number } | null;
  test_cases?: { generated?: number; unique_failures?: number };
  failures?: { title?: string; count?: number; operations?: string[] }[];
  errors?: { title?: string; count?: number }[];
}

/** Reads a schemathesis 4 JSON report; a report that cannot be read counts as one failure. */
export function parseRoleRun(role: string, reportText: string | undefined, exitCode: number): RoleRun {
  let report: JsonReport;
  try {
    report = JSON.parse(reportText ?? '') as JsonReport;
  } catch {
    const findings = ['schemathesis wrote no readable report'];
    return { role, operations: 0, testCases: 0, failures: 1, findings, exitCode };
  }
  const failureGroups = report.failures ?? [];
  const errors = report.errors ?? [];
  const findings = [
    ...failureGroups.map(
      (f) => `${f.title ?? 'failure'} ×${f.count ?? 1} in ${(f.operations ?? []).join(', ') || '?'}`,
    ),
    ...errors.map((e) => `error: ${e.title ?? 'unknown'} ×${e.count ?? 1}`),
  ];
  const failures = Math.max(report.test_cases?.unique_failures ?? 0, failureGroups.length) + errors.length;
  return {
    role,
    operations: report.operations?.tested ?? 0,
    testCases: report.test_cases?.generated ?? 0,
    // A non-zero exit without a recorded failure (a crash, a bad flag) is still a failure.
    failures: failures === 0 && exitCode !== 0 ? 1 : failures,
    findings: failures === 0 && exitCode !== 0 ? [`schemathesis exited with ${exitCode}`] : findings,
    exitCode,
  };
}

export interface FuzzTotals {
  readonly operations: number;
  readonly requests: number;
  readonly failures: number;
}

/**
 * Totals over every role. Operations are those of the document (each role fuzzes all of them);
 * requests are what the server answered; failures add the server's own 5xx count when schemathesis
 * missed one (it should not, but the server's tally is the ground truth).
 */
export function totalsOf(runs: readonly RoleRun[], served: number, serverErrors: number): FuzzTotals {
  const reported = runs.reduce((n, r) => n + r.failures, 0);
  return {
    operations: Math.max(0, ...runs.map((r) => r.operations)),
    requests: served,
    failures: reported === 0 && serverErrors > 0 ? serverErrors : reported,
  };
}

/** The line the lead's test script reads. */
export function summaryLine(t: FuzzTotals): string {
  return `fuzz: ${t.operations} operations, ${t.requests} requests, ${t.failures} failures`;
}
