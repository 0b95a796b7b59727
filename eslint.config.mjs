// Lint is architecture: the boundaries between apps and libs, and the promise and typing rules
// that keep a process alive for days, are errors here, not conventions.
import nx from '@nx/eslint-plugin';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const forbiddenInPureDomain = [
  'kafkajs',
  'pg',
  '@nestjs/*',
  'socket.io',
  'socket.io-client',
  'node:*',
  'fs',
  'path',
  'crypto',
  'http',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.stack/**',
      '.nx/**',
      'docs/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:frontend', 'scope:shared'] },
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contract', 'type:domain'] },
            {
              sourceTag: 'type:adapter',
              onlyDependOnLibsWithTags: ['type:contract', 'type:domain', 'type:adapter'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:contract', 'type:domain', 'type:adapter'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:contract',
                'type:domain',
                'type:adapter',
                'type:ui',
                'type:testing',
                'type:app',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // process.env is read in exactly one place: the config lib.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    // Exempt: the config lib itself, build-tool configs, and the jest global setup, whose only channel
    // to the test workers is the environment.
    ignores: ['libs/config/src/**', 'apps/*/vite.config.mts', 'libs/testing/src/jest/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through @fengqiao/config, never process.env directly.',
        },
      ],
    },
  },
  {
    // Apps never import another app (issue 19): what two apps share lives in a lib. Only specs and
    // test harnesses may run another app as a real component (the API's report specs run the real
    // report worker).
    files: ['apps/**/*.ts', 'apps/**/*.tsx'],
    ignores: [
      '**/*.spec.ts',
      '**/*.spec.tsx',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'apps/*/src/**/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@fengqiao/api',
                '@fengqiao/dashboard',
                '@fengqiao/gb28181-app',
                '@fengqiao/ingest',
                '@fengqiao/media',
                '@fengqiao/notify-app',
                '@fengqiao/reports-app',
                '@fengqiao/simulator',
                '@fengqiao/warning',
                '@fengqiao/stack',
              ],
              message: 'An app never imports another app: move what both need into a lib.',
            },
            {
              regex:
                '^(\\.\\./)+(api|dashboard|gb28181|ingest|media|notify|reports|simulator|warning)/src(/|$)',
              message: 'An app never imports another app: move what both need into a lib.',
            },
          ],
        },
      ],
    },
  },
  {
    // The pure domain: no I/O, no clock, no randomness (time and ids are arguments).
    files: [
      'libs/rules/src/**/*.ts',
      'libs/contracts/src/**/*.ts',
      'libs/geo/src/**/*.ts',
      'libs/intake/src/**/*.ts',
      'libs/reports/src/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbiddenInPureDomain }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is an argument in pure libs.' },
        { object: 'Math', property: 'random', message: 'Randomness is an argument in pure libs.' },
      ],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock in pure libs: pass `now` in.',
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Pure libs read no configuration.',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.spec.tsx'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  prettier,
);
