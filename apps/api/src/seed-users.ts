import { createHash } from 'node:crypto';
import { loadConfig, type FengqiaoConfig } from '@fengqiao/config';
import { createPool, UsersRepository, type DbPool } from '@fengqiao/db';
import { DEMO_USERS, demoUserLines } from './auth/demo-users';
import { hashPassword } from './auth/password-hasher';

/** A stable id per demo username, so the seed is idempotent across databases and runs. */
function demoUserId(username: string): string {
  const h = createHash('sha256').update(`fengqiao-demo-user:${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Creates the demo users that do not exist yet (existing ones keep their password). Refuses
 * production mode: demo credentials are public. Returns how many it created.
 */
export async function seedDemoUsers(pool: DbPool, config: FengqiaoConfig): Promise<number> {
  if (config.mode === 'production')
    throw new Error('seed-users: refusing to create demo users in production');
  const users = new UsersRepository();
  let created = 0;
  for (const u of DEMO_USERS) {
    if ((await users.findByUsername(pool, u.username)) !== undefined) continue;
    const passwordHash = await hashPassword(u.password);
    const inserted = await users.insertIfAbsent(pool, { ...u, userId: demoUserId(u.username), passwordHash });
    if (inserted) created += 1;
  }
  return created;
}

export { demoUserLines };

async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.postgres.url, { max: 1, applicationName: 'fengqiao-seed-users' });
  try {
    const created = await seedDemoUsers(pool, config);
    process.stdout.write(
      `demo users (${created} created; development only):\n${demoUserLines().join('\n')}\n`,
    );
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`seed-users: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
