import { randomUUID } from 'node:crypto';
import { type FengqiaoConfig } from '@fengqiao/config';
import { passwordProblems, usernameSchema, type UserRole } from '@fengqiao/contracts';
import { type DbPool, UsersRepository, withTransaction } from '@fengqiao/db';
import { AuditCheckpointsRepository } from '../audit/audit-checkpoints.repository';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';

export type FirstAdminErrorCode = 'ADMIN_EXISTS' | 'ADMIN_BAD_INPUT' | 'ADMIN_USERNAME_TAKEN';

/** Why `create-admin` refused; the CLI prints the code and message, never the password. */
export class FirstAdminError extends Error {
  constructor(
    readonly code: FirstAdminErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FirstAdmin {
  readonly username: string;
  readonly displayName: string;
  readonly role: Extract<UserRole, 'account-admin' | 'admin'>;
  readonly password: string;
  readonly reason: string;
  readonly force: boolean;
}

/**
 * The first administrator of a deployment (issue 16), never a default: refused while an active
 * account of that role exists (unless forced), the password checked against the policy, the
 * creation audited as the operator's. The second factor is enrolled at the first sign-in.
 */
export async function createFirstAdmin(pool: DbPool, config: FengqiaoConfig, a: FirstAdmin): Promise<string> {
  if (!usernameSchema.safeParse(a.username).success)
    throw new FirstAdminError('ADMIN_BAD_INPUT', 'username: 2-64 of a-z 0-9 . _ - (lower case)');
  const problems = passwordProblems(a.password, a.username);
  if (problems.length > 0)
    throw new FirstAdminError('ADMIN_BAD_INPUT', `password refused by the policy: ${problems.join(', ')}`);
  const accounts = new UsersRepository();
  const audit = new AuditService(new AuditRepository(), new AuditCheckpointsRepository(), config);
  const userId = randomUUID();
  const passwordHash = await hashPassword(a.password);
  await withTransaction(pool, async (tx) => {
    const existing = await accounts.countActive(tx, [a.role]);
    if (existing > 0 && !a.force)
      throw new FirstAdminError(
        'ADMIN_EXISTS',
        `${existing} active ${a.role} account(s) exist: use --force to add one`,
      );
    const now = new Date();
    const inserted = await accounts.insert(tx, {
      userId,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      regions: [],
      passwordHash,
      at: now,
    });
    if (!inserted) throw new FirstAdminError('ADMIN_USERNAME_TAKEN', `username ${a.username} is taken`);
    // The operator chose this password at the console: no change forced at the first sign-in.
    await accounts.setPassword(tx, userId, passwordHash, false, now);
    await audit.record(tx, {
      occurredAt: now,
      actorUserId: 'cli:create-admin',
      actorRole: 'operator',
      action: 'user.created',
      targetType: 'user',
      targetId: userId,
      detail: {
        username: a.username,
        after: { role: a.role, regions: [] },
        reason: a.reason,
        forced: existing > 0,
      },
    });
  });
  return userId;
}
