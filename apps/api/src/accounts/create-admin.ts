import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { createFirstAdmin, FirstAdminError, type FirstAdmin } from './first-admin.service';

const USAGE = `usage: npm run create-admin -- --username NAME --display-name NAME [--role account-admin|admin]
                                [--reason TEXT] [--force]  < password-on-stdin
  Creates an administrator (by default the account administrator, who then creates everyone else on
  the administration screen). The password is read from the first line of standard input, never from
  the command line or the environment, and never printed. Refused while an active account of the role
  exists, unless --force. The second factor is enrolled at the first sign-in.`;

function optionsOf(argv: readonly string[]): Omit<FirstAdmin, 'password'> | 'help' {
  let v: Record<string, string | boolean | undefined>;
  try {
    const options = {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
      reason: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean' },
    } as const;
    v = parseArgs({ args: [...argv], options, strict: true }).values;
  } catch (err) {
    throw new FirstAdminError('ADMIN_BAD_INPUT', err instanceof Error ? err.message : String(err));
  }
  if (v.help === true) return 'help';
  const role = v.role ?? 'account-admin';
  if (role !== 'account-admin' && role !== 'admin')
    throw new FirstAdminError('ADMIN_BAD_INPUT', '--role must be account-admin or admin');
  if (typeof v.username !== 'string' || typeof v['display-name'] !== 'string')
    throw new FirstAdminError('ADMIN_BAD_INPUT', '--username and --display-name are required');
  return {
    username: v.username.toLowerCase(),
    displayName: v['display-name'],
    role,
    reason: typeof v.reason === 'string' ? v.reason : 'first administrator (create-admin)',
    force: v.force === true,
  };
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const options = optionsOf(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (process.stdin.isTTY) process.stderr.write('password (first line of standard input): ');
  const password = await firstLine();
  const config = loadConfig();
  const pool = createPool(config.postgres.url, { max: 1, applicationName: 'fengqiao-create-admin' });
  try {
    const userId = await createFirstAdmin(pool, config, { ...options, password });
    process.stdout.write(
      `create-admin: created ${options.role} '${options.username}' (${userId}); sign in to enrol the second factor\n`,
    );
    return 0;
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      const known = err instanceof FirstAdminError;
      process.stderr.write(
        `create-admin: ${known ? `${err.code}: ` : ''}${err instanceof Error ? err.message : String(err)}\n`,
      );
      if (known && err.code === 'ADMIN_BAD_INPUT') process.stderr.write(`${USAGE}\n`);
      process.exit(known ? 2 : 1);
    },
  );
}
