import { join } from 'node:path';
import { loadConfig } from '@fengqiao/config';
import { contractDrift, writeContractDocuments } from './contract-files';

/**
 * `npm run contracts:generate`: writes docs/contracts (JSON Schema per message, AsyncAPI) from the
 * zod schemas. `--check` writes nothing and exits 1 when the checked-in files are out of date.
 */
function main(argv: readonly string[]): number {
  const docsDir = join(loadConfig().repoRoot, 'docs', 'contracts');
  const check = argv.includes('--check');
  const drift = check ? contractDrift(docsDir) : writeContractDocuments(docsDir);
  const lines = [
    ...drift.missing.map((p) => `  missing  ${p}`),
    ...drift.changed.map((p) => `  changed  ${p}`),
    ...drift.stale.map((p) => `  stale    ${p}`),
  ];
  if (lines.length === 0) {
    process.stdout.write(`contracts: docs/contracts is up to date\n`);
    return 0;
  }
  process.stdout.write(`contracts: ${check ? 'out of date' : 'updated'}:\n${lines.join('\n')}\n`);
  if (check) process.stdout.write('  what to do: npm run contracts:generate, then commit docs/contracts\n');
  return check ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
