import { spawnSync } from 'node:child_process';
import { findRepoRoot } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { seedDemoUsers } from '../seed-users';
import { testConfig } from '@fengqiao/testing';
import { verifyPassword } from '../auth/password-hasher';
import { aUsername } from './account-test-kit';

// `npm run create-admin` on the real database (issue 16): the first administrator by a one-off
// command, never a default; refused while one exists unless forced; nothing secret printed.
const root = findRepoRoot(__dirname);
const PASSWORD = 'Console-Chosen-2026!';

function createAdmin(args: string[], stdin: string) {
  const r = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/api/src/accounts/create-admin.ts', ...args],
    {
      cwd: root,
      env: process.env,
      input: stdin,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run create-admin', () => {
  let pool: DbPool;
  beforeAll(async () => {
    const config = testConfig();
    pool = createPool(config.postgres.url, { max: 2 });
    await seedDemoUsers(pool, config); // an active account administrator exists (the demo one)
  });
  afterAll(async () => {
    await pool?.end();
  });

  const row = async (username: string) =>
    (
      await pool.query<{
        user_id: string;
        role: string;
        password_hash: string;
        must_change_password: boolean;
      }>('SELECT user_id, role, password_hash, must_change_password FROM users WHERE username = $1', [
        username,
      ])
    ).rows[0];

  it('refuses while an active account administrator exists, and a password the policy refuses', async () => {
    const name = aUsername('chief');
    const exists = createAdmin(['--username', name, '--display-name', '主任'], `${PASSWORD}\n`);
    expect(exists.status).toBe(2);
    expect(exists.out).toContain('ADMIN_EXISTS');
    const weak = createAdmin(['--username', name, '--display-name', '主任', '--force'], 'weakpassword\n');
    expect(weak.status).toBe(2);
    expect(weak.out).toContain('ADMIN_BAD_INPUT');
    expect(weak.out).not.toContain('weakpassword');
    expect(await row(name)).toBeUndefined();
  });

  it('creates one with --force, from the password on stdin, prints nothing secret, audits it', async () => {
    const name = aUsername('chief');
    const done = createAdmin(
      ['--username', name, '--display-name', '主任', '--force', '--reason', '上线'],
      `${PASSWORD}\n`,
    );
    expect(done.status).toBe(0);
    expect(done.out).toMatch(new RegExp(`created account-admin '${name}' \\([0-9a-f-]{36}\\)`));
    expect(done.out).not.toContain(PASSWORD);
    const created = await row(name);
    expect(created).toMatchObject({ role: 'account-admin', must_change_password: false });
    expect(await verifyPassword(PASSWORD, created?.password_hash ?? '')).toBe(true);
    const audit = await pool.query<{ actor_user_id: string; detail: Record<string, unknown> }>(
      `SELECT actor_user_id, detail FROM audit_log WHERE action = 'user.created' AND target_id = $1`,
      [created?.user_id],
    );
    expect(audit.rows).toEqual([
      {
        actor_user_id: 'cli:create-admin',
        detail: {
          username: name,
          after: { role: 'account-admin', regions: [] },
          reason: '上线',
          forced: true,
        },
      },
    ]);
    const again = createAdmin(['--username', name, '--display-name', '主任', '--force'], `${PASSWORD}\n`);
    expect(again.status).toBe(2);
    expect(again.out).toContain('ADMIN_USERNAME_TAKEN');
  });
});
