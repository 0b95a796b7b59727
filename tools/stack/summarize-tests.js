// Sums jest's --json reports of every tier into the closing line CI reads: "N passed, N failed".
// A failed static step (lint, typecheck, a tier that could not run) counts as one failure.
const fs = require('node:fs');
const path = require('node:path');

const [dir, failedStepsArg, failedStepNames] = process.argv.slice(2);
let passed = 0;
let failed = Number(failedStepsArg) || 0;
let skipped = 0;
for (const tier of ['unit', 'int', 'e2e', 'fault']) {
  const file = path.join(dir, `${tier}.json`);
  if (!fs.existsSync(file)) {
    // The tier could not run at all (jest crashed before reporting): that is a failure too.
    console.log(`  ${tier.padEnd(5)}: no report`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  skipped += r.numPendingTests + r.numTodoTests;
  console.log(
    `  ${tier.padEnd(5)}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numRuntimeErrorTestSuites} suites broken (${r.numTotalTestSuites} suites)`,
  );
}
if (failedStepNames) console.log(`  failed steps: ${failedStepNames}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
