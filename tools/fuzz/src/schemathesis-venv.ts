import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Pinned: a new schemathesis release changes what is generated, so an upgrade is a reviewed commit. */
export const SCHEMATHESIS_VERSION = '4.32.5';

function installedVersion(bin: string): string | undefined {
  if (!existsSync(bin)) return undefined;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? /version\s+(\S+)/.exec(r.stdout)?.[1] : undefined;
}

function run(command: string, args: readonly string[], what: string): void {
  // Output goes straight to the terminal: pip's progress is the progress a first run shows.
  const r = spawnSync(command, [...args], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`fuzz: ${what} failed (exit ${String(r.status)})`);
}

/** The pins of schemathesis's own dependencies (pip freeze of a working venv); a change reinstalls. */
function constraints(root: string): { file: string; digest: string } {
  const file = join(root, 'tools', 'fuzz', 'constraints.txt');
  return { file, digest: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

/**
 * The schemathesis CLI from a venv under .stack/cache (created and installed from PyPI on first use,
 * so a fresh machine needs nothing by hand); later runs find it in about 0.5 s.
 */
export function ensureSchemathesis(root: string, say: (line: string) => void): string {
  const venv = join(root, '.stack', 'cache', 'fuzz-venv');
  const bin = join(venv, 'bin', 'schemathesis');
  const found = installedVersion(bin);
  const pins = constraints(root);
  const stamp = join(venv, 'constraints.sha256');
  const pinned = existsSync(stamp) && readFileSync(stamp, 'utf8') === pins.digest;
  if (found === SCHEMATHESIS_VERSION && pinned) return bin;
  say(
    found === undefined
      ? `fuzz: installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv} (first run only, ~1 min)`
      : `fuzz: schemathesis ${found} found, installing the pinned ${SCHEMATHESIS_VERSION} and its pinned dependencies`,
  );
  if (!existsSync(join(venv, 'bin', 'python'))) run('python3', ['-m', 'venv', venv], 'python3 -m venv');
  run(
    join(venv, 'bin', 'pip'),
    [
      'install',
      '--disable-pip-version-check',
      '--progress-bar',
      'off',
      '--constraint',
      pins.file,
      `schemathesis==${SCHEMATHESIS_VERSION}`,
    ],
    'pip install schemathesis',
  );
  if (installedVersion(bin) !== SCHEMATHESIS_VERSION) throw new Error('fuzz: schemathesis did not install');
  writeFileSync(stamp, pins.digest);
  return bin;
}
