import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { API_ERROR_CODES, INTAKE_ERROR_CODES, REPORT_REQUEST_FAILURES } from '@fengqiao/contracts';
import { findRepoRoot } from '@fengqiao/config';

// A code the docs name is a code the system really sends. The docs once said the API refuses a
// stale transition with STALE_VERSION; it answers ALERT_VERSION_CONFLICT.

const root = findRepoRoot();

/** Codes a client can receive: the API's, the ingest's (HTTP and dead letters), failed reports. */
const SENT_CODES = new Set<string>([...API_ERROR_CODES, ...INTAKE_ERROR_CODES, ...REPORT_REQUEST_FAILURES]);

/**
 * Upper-case names the docs use that are neither wire codes nor declared identifiers: a validation
 * problem code, a log code, a config error, a test input, each with the source file that must hold
 * it. Checked, so a renamed one fails here too.
 */
const OTHER_NAMES: Readonly<Record<string, string>> = {
  NO_CATCH_ALL: 'libs/intake/src/routing/routing-rules.ts',
  DUPLICATE_RULE_ID: 'libs/intake/src/routing/routing-rules.ts',
  ROUTING_TABLE_REFRESH_FAILED: 'apps/api/src/routing/active-routing-table.cache.ts',
  MEDIA_RELAY_CONFIG_INVALID: 'apps/media/src/relay/relay-config.ts',
  HS512: 'apps/api/src/common/bad-token.int-spec.ts',
  DATABASE_URL: 'libs/config/src/config.ts',
  CHANNEL_NOT_CONFIGURED: 'apps/notify/src/delivery/dispatcher.ts',
};
/**
 * The engine's own refusal codes: the API answers them as ALERT_VERSION_CONFLICT,
 * ALERT_INVALID_TRANSITION and NOT_FOUND, so a doc must name those instead.
 */
const TRANSLATED_CODES = new Set(['STALE_VERSION', 'INVALID_TRANSITION', 'ALERT_NOT_FOUND']);
/** Names of other systems the docs quote (Kafka protocol errors seen in benchmarks). */
const THIRD_PARTY_NAMES = new Set(['NOT_LEADER', 'NOT_LEADER_OR_FOLLOWER', 'CONCURRENT_TRANSACTIONS']);

/** Codes the docs name as not (yet) sent: when one starts being sent, the docs must say so. */
const NAMED_AS_ABSENT = new Set(['METHOD_NOT_ALLOWED']);
/** Environment variables: read by the one config reader. */
const CONFIG_SOURCE = [
  'libs/config/src/config.ts',
  'libs/config/src/tuning.ts',
  'libs/config/src/notify-config.ts',
  'libs/config/src/gb28181-config.ts',
];
/** Knobs of a test tier, read by the tier itself (not the apps' configuration). */
const TEST_SETTINGS = ['e2e/src/faults/fault-settings.ts'];
/** Knobs of the production deployment only (host-side ports compose publishes), read by compose. */
const DEPLOY_SETTINGS = ['docker-compose.yml'];

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(path, keep);
    return keep(e.name) ? [path] : [];
  });
}
const markdownFiles = (dir: string): string[] => filesUnder(dir, (n) => n.endsWith('.md'));

/** The non-test TypeScript sources. */
function sourceFiles(): string[] {
  return ['libs', 'apps', 'tools', 'e2e'].flatMap((d) =>
    filesUnder(
      join(root, d),
      (n) => (n.endsWith('.ts') || n.endsWith('.tsx')) && !n.includes('.spec.') && !n.includes('-spec.'),
    ),
  );
}

/**
 * Names the source declares (`const X`, `function X`, `type X`, ...) or produces as a string literal
 * (`'X'`: an error code of an adapter, a validation problem, a log code). The engine's translated
 * codes are left out: the docs must name what the API answers.
 */
function sourceNames(): Set<string> {
  const declared = /\b(?:const|let|var|function|class|enum|type|interface)\s+([A-Z][A-Z0-9_]{4,})\b/g;
  const literal = /'([A-Z][A-Z0-9_]{4,})'/g;
  const names = sourceFiles().flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    return [...text.matchAll(declared), ...text.matchAll(literal)].map((m) => m[1] ?? '');
  });
  return new Set(names.filter((n) => !TRANSLATED_CODES.has(n)));
}

/** Every `CODE_LIKE` name in backticks, with where it is. */
function documentedNames(): { name: string; where: string }[] {
  const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/`([A-Z][A-Z0-9_]{4,})`/g)].map((m) => ({
      name: m[1] ?? '',
      where: relative(root, file),
    })),
  );
}

const read = (path: string): string =>
  existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '';

describe('the codes the docs name', () => {
  const names = documentedNames();

  it('finds the codes to check (the scan itself works)', () => {
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(['ALERT_NOT_SILENCEABLE', 'FQ_MODE']));
  });

  it('every one is a code the API or the ingest sends, a config variable or a name the source declares or produces', () => {
    const config = CONFIG_SOURCE.map(read).join('\n');
    const testSettings = [...TEST_SETTINGS, ...DEPLOY_SETTINGS].map(read).join('\n');
    const known = sourceNames();
    const unknown = names.filter(({ name }) => {
      if (SENT_CODES.has(name)) return false;
      if (NAMED_AS_ABSENT.has(name)) return false;
      if (known.has(name) || THIRD_PARTY_NAMES.has(name)) return false;
      if (name.startsWith('FQ_')) return !config.includes(name) && !testSettings.includes(name);
      const home = OTHER_NAMES[name];
      return home === undefined || !read(home).includes(name);
    });
    expect(unknown).toEqual([]);
  });

  it('a code the docs call absent is really not sent', () => {
    expect([...NAMED_AS_ABSENT].filter((c) => SENT_CODES.has(c))).toEqual([]);
  });

  it('names the API’s own code for a stale alert transition', () => {
    const rules = read('docs/rules.md');
    expect(rules).toContain('ALERT_VERSION_CONFLICT');
    expect(rules).not.toContain('STALE_VERSION');
  });
});
