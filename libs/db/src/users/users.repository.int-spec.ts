import { randomUUID } from 'node:crypto';
import { loadConfig } from '@fengqiao/config';
import { createPool, type DbPool } from '../pool';
import { UsersRepository } from './users.repository';

// One owner of `users` (issue 19): the API's sign-in and its account administration had two
// repositories with two row shapes (the sign-in's without the password-change flag and the second
// factor, with the retired lock columns). Pinned here on the real database: every lookup answers the
// same row, and the two ways in differ only where they mean to (an administrator's new account must
// replace its password; a demo user, seeded idempotently, need not).
const config = loadConfig();
const users = new UsersRepository();
let pool: DbPool;

beforeAll(() => {
  pool = createPool(config.postgres.url, { max: 2 });
});
afterAll(async () => {
  await pool.end();
});

const aUser = (prefix: string) => {
  const userId = randomUUID();
  return {
    userId,
    username: `${prefix}-${userId.slice(0, 8)}`,
    displayName: '测试 用户',
    role: 'duty-officer' as const,
    regions: ['511902'],
    passwordHash: 'hash-1',
  };
};

describe('the users repository', () => {
  it('answers one row shape by id and by username, with the password-change flag and the second factor', async () => {
    const u = aUser('admin-made');
    expect(await users.insert(pool, { ...u, at: new Date() })).toBe(true);
    const byId = await users.find(pool, u.userId);
    const byName = await users.findByUsername(pool, u.username);
    expect(byName).toEqual(byId);
    expect(byId).toMatchObject({
      user_id: u.userId,
      username: u.username,
      role: 'duty-officer',
      regions: ['511902'],
      disabled: false,
      must_change_password: true,
      totp_secret: null,
      totp_last_step: null,
    });
    expect(byId).not.toHaveProperty('failed_attempts');
    expect(await users.insert(pool, { ...u, userId: randomUUID(), at: new Date() })).toBe(false);
  });

  it('a seeded demo user need not change its password, and seeding again leaves a changed password alone', async () => {
    const u = aUser('seeded');
    expect(await users.insertIfAbsent(pool, u)).toBe(true);
    expect((await users.findByUsername(pool, u.username))?.must_change_password).toBe(false);
    await users.setPassword(pool, u.userId, 'hash-2', false, new Date());
    expect(await users.insertIfAbsent(pool, { ...u, passwordHash: 'hash-3' })).toBe(false);
    expect((await users.find(pool, u.userId))?.password_hash).toBe('hash-2');
  });
});
