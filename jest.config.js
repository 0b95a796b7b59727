// Named test tiers (STYLE.md §10): unit (*.spec.ts, pure, no I/O), int (*.int-spec.ts, against the
// real Kafka and PostgreSQL started by tools/stack), e2e (*.e2e-spec.ts, real Chromium).
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcConfig, swcrc: false }] };
const roots = [
  '<rootDir>/apps',
  '<rootDir>/libs',
  '<rootDir>/tools',
  '<rootDir>/bench',
  '<rootDir>/e2e',
].filter((r) => fs.existsSync(r.replace('<rootDir>', __dirname)));
const common = {
  rootDir: __dirname,
  roots,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.stack'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts', '**/*.spec.tsx'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/int-global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/int-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/int-timeout.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/int-global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/int-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/e2e-timeout.ts'],
    },
    {
      // The fault campaign: its own PostgreSQL and Kafka (not the shared stack), real apps killed.
      ...common,
      displayName: 'fault',
      testMatch: ['**/*.fault-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/fault-timeout.ts'],
    },
  ],
};
