import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot, loadConfig } from '@fengqiao/config';
import { type UserRole } from '@fengqiao/contracts';
import { type RoleRun, summaryLine, totalsOf } from './fuzz-report';
import { type FuzzTarget, startFuzzTarget } from './fuzz-target';
import { operationsFor } from './role-operations';
import { runRole } from './schemathesis-run';
import { ensureSchemathesis } from './schemathesis-venv';

const USAGE = `usage: npm run test:fuzz [-- --budget S] [--max-examples N] [--roles a,b] [--seed N]
  Fuzzes /api/openapi.json with schemathesis once per role (a real token each), against an API
  started in this process on a database of its own. Exit 1 on any failure.
  --budget S        seconds of fuzzing in all (default 100; the first role gets half)
  --max-examples N  generated cases per operation and fuzzing cycle (default 12)
  --roles a,b       roles to fuzz as; the first fuzzes every operation (default: all five, admin first)
  --seed N          schemathesis seed (default 20261127: the same cases every run)`;

const ALL_ROLES: readonly UserRole[] = ['admin', 'duty-officer', 'analyst', 'wall', 'intake-clerk'];
const root = findRepoRoot(__dirname);
const say = (line: string): void => void process.stdout.write(`${line}\n`);

interface Options {
  readonly budget: number;
  readonly maxExamples: number;
  readonly roles: readonly UserRole[];
  readonly seed: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: Object.fromEntries(
      ['budget', 'max-examples', 'roles', 'seed'].map((f) => [f, { type: 'string' }]),
    ),
    strict: true,
  }) as { values: Record<string, string | undefined> };
  const budget = Number(values.budget ?? 100);
  const maxExamples = Number(values['max-examples'] ?? 12);
  const seed = Number(values.seed ?? 20261127);
  const roles = (values.roles ?? ALL_ROLES.join(',')).split(',') as UserRole[];
  const badRole = roles.find((r) => !ALL_ROLES.includes(r));
  const ints = [budget, maxExamples, seed].every(Number.isInteger);
  if (!ints || budget < roles.length * 5 || maxExamples < 1 || badRole !== undefined) {
    throw new Error(`bad flags\n${USAGE}`);
  }
  return { budget, maxExamples, roles, seed };
}

/** The first role sends the boundary cases of every operation: it gets half the budget. */
function shareOf(o: Options, index: number): number {
  if (o.roles.length === 1) return o.budget;
  const first = Math.round(o.budget / 2);
  return index === 0 ? first : Math.max(5, Math.floor((o.budget - first) / (o.roles.length - 1)));
}

async function fuzzRole(
  target: FuzzTarget,
  bin: string,
  o: Options,
  document: unknown,
  i: number,
): Promise<RoleRun> {
  const role = o.roles[i] as UserRole;
  const before = target.tally.requests;
  const t0 = performance.now();
  const run = await runRole({
    bin,
    hooks: join(root, 'tools', 'fuzz', 'hooks', 'fengqiao_checks.py'),
    apiUrl: target.url,
    role,
    token: target.tokens.get(role) ?? '',
    operations: operationsFor(document, role, i === 0),
    // Input validation runs the same for every role: its boundary cases are sent once, by the first.
    phases: i === 0 ? 'coverage,fuzzing' : 'fuzzing',
    maxExamples: o.maxExamples,
    maxSeconds: shareOf(o, i),
    seed: o.seed,
    outDir: join(root, '.stack', 'test-results', 'fuzz'),
  });
  say(
    `fuzz: [${i + 1}/${o.roles.length}] ${role}: ${run.operations} operations, ${target.tally.requests - before} ` +
      `requests, ${run.failures} failures (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  for (const f of run.findings) say(`  ✖ ${f}   (details: .stack/test-results/fuzz/${role}.log)`);
  return run;
}

async function main(): Promise<void> {
  const o = options();
  const bin = ensureSchemathesis(root, say);
  mkdirSync(join(root, '.stack', 'test-results', 'fuzz'), { recursive: true });
  say(
    `fuzz: starting the API on database fengqiao_fuzz_${process.pid} (migrate, seed users, regions, alerts)`,
  );
  const target = await startFuzzTarget(loadConfig(), o.roles);
  // Ctrl-C still drops the database and the topic: nothing is left on the shared stack. `on`, not
  // `once`: Nest's shutdown hook re-raises the signal, which must not end the process half-way.
  const interrupted = (): void => void target.stop().finally(() => process.exit(130));
  process.on('SIGINT', interrupted).on('SIGTERM', interrupted);
  const runs: RoleRun[] = [];
  try {
    const document: unknown = await (await fetch(`${target.url}/api/openapi.json`)).json();
    for (let i = 0; i < o.roles.length; i += 1) runs.push(await fuzzRole(target, bin, o, document, i));
  } finally {
    await target.stop();
  }
  for (const s of target.tally.samples) say(`  ✖ server ${s.status}: ${s.method} ${s.url} ${s.body}`);
  const totals = totalsOf(runs, target.tally.requests, target.tally.serverErrors);
  say(summaryLine(totals));
  process.exitCode = totals.failures === 0 ? 0 : 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
