import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  regionProblem,
  type CreateUserRequest,
  type UpdateUserRequest,
  type UserChangeResponse,
  type UserListQuery,
  type UserListResponse,
  type UserRole,
} from '@fengqiao/contracts';
import { type UserRow, UsersRepository } from '@fengqiao/db';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { LoginBackoffRepository } from '../auth/login-backoff.repository';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { hashPassword } from '../auth/password-hasher';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database, type Queryable } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { temporaryPassword } from './account-crypto';
import { escapeLike, toUserInfo } from './account-view';
import { SessionRevocations } from './session-revocations.service';

export type UserAction = 'disable' | 'enable' | 'reset-password' | 'reset-totp';

function checkRegions(role: UserRole, regions: readonly string[]): void {
  const problem = regionProblem(role, regions);
  if (problem !== null)
    throw new ApiError('VALIDATION_FAILED', problem, [{ path: 'regions', message: problem }]);
}

/**
 * Account administration (issue 16), for the account administrator only (the route table says so):
 * every change in one transaction with its audit row (who, why, before and after, never a password);
 * a change that alters what a session may do ends the account's sessions on every instance.
 */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly db: Database,
    private readonly accounts: UsersRepository,
    private readonly backoff: LoginBackoffRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly revocations: SessionRevocations,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(q: UserListQuery): Promise<UserListResponse> {
    const rows = await this.accounts.list(this.db.pool, {
      role: q.role ?? null,
      region: q.region ?? null,
      disabled: q.status === undefined ? null : q.status === 'disabled',
      text: q.text === undefined ? null : escapeLike(q.text.toLowerCase()),
      limit: q.limit,
      offset: q.offset,
    });
    return { items: rows.map(toUserInfo), total: rows[0]?.total ?? 0 };
  }

  async create(admin: AuthUser, req: CreateUserRequest): Promise<UserChangeResponse> {
    checkRegions(req.role, req.regions);
    const now = this.clock.now();
    const password = temporaryPassword();
    const userId = randomUUID();
    const account = await this.db.transaction(async (tx) => {
      const inserted = await this.accounts.insert(tx, {
        userId,
        username: req.username,
        displayName: req.displayName,
        role: req.role,
        regions: req.regions,
        passwordHash: await hashPassword(password),
        at: now,
      });
      if (!inserted)
        throw new ApiError('VALIDATION_FAILED', 'username taken', [{ path: 'username', message: 'taken' }]);
      const row = await this.mustFind(tx, userId);
      await this.record(tx, admin, 'user.created', row, { after: snapshot(row), reason: req.reason }, now);
      return row;
    });
    return { user: toUserInfo(account), temporaryPassword: password };
  }

  async update(admin: AuthUser, userId: string, req: UpdateUserRequest): Promise<UserChangeResponse> {
    this.notSelf(admin, userId);
    const now = this.clock.now();
    const account = await this.db.transaction(async (tx) => {
      const before = await this.mustFind(tx, userId);
      const role = req.role ?? before.role;
      const regions = req.regions ?? (req.role === undefined ? before.regions : []);
      checkRegions(role, regions);
      await this.accounts.update(tx, userId, {
        displayName: req.displayName ?? before.display_name,
        role,
        regions,
        at: now,
      });
      // Role and regions travel in the access token: the old sessions must not keep the old ones.
      await this.refreshTokens.revokeUser(tx, userId, now);
      const after = await this.mustFind(tx, userId);
      await this.record(
        tx,
        admin,
        'user.updated',
        after,
        { before: snapshot(before), after: snapshot(after), reason: req.reason },
        now,
      );
      return after;
    });
    await this.revocations.poll();
    return { user: toUserInfo(account) };
  }

  async act(
    admin: AuthUser,
    userId: string,
    action: UserAction,
    reason: string,
  ): Promise<UserChangeResponse> {
    if (action !== 'enable') this.notSelf(admin, userId);
    const now = this.clock.now();
    const password = action === 'reset-password' ? temporaryPassword() : undefined;
    const hash = password === undefined ? undefined : await hashPassword(password);
    const account = await this.db.transaction(async (tx) => {
      const before = await this.mustFind(tx, userId);
      await this.apply(tx, before, action, hash, now);
      const after = await this.mustFind(tx, userId);
      await this.record(tx, admin, `user.${action}`, after, { reason }, now);
      return after;
    });
    await this.revocations.poll();
    return password === undefined
      ? { user: toUserInfo(account) }
      : { user: toUserInfo(account), temporaryPassword: password };
  }

  private async apply(
    tx: Queryable,
    a: UserRow,
    action: UserAction,
    hash: string | undefined,
    now: Date,
  ): Promise<void> {
    switch (action) {
      case 'enable':
        await this.accounts.setDisabled(tx, a.user_id, false, now);
        // A re-enabled account starts without the back-off its disabled period may have built up.
        await this.backoff.clear(tx, a.username);
        return;
      case 'disable':
        await this.accounts.setDisabled(tx, a.user_id, true, now);
        break;
      case 'reset-password':
        await this.accounts.setPassword(tx, a.user_id, hash ?? '', true, now);
        break;
      case 'reset-totp':
        await this.accounts.clearTotp(tx, a.user_id, now);
        break;
    }
    await this.refreshTokens.revokeUser(tx, a.user_id, now);
  }

  /** Nobody changes, disables or resets their own account: a second administrator must. */
  private notSelf(admin: AuthUser, userId: string): void {
    if (admin.userId === userId)
      throw new ApiError('FORBIDDEN', 'your own account is changed by another account administrator');
  }

  private async mustFind(tx: Queryable, userId: string): Promise<UserRow> {
    const row = await this.accounts.find(tx, userId);
    if (row === undefined) throw new ApiError('NOT_FOUND', 'no such user');
    return row;
  }

  private async record(
    tx: Queryable,
    admin: AuthUser,
    action: string,
    target: UserRow,
    detail: Readonly<Record<string, unknown>>,
    now: Date,
  ): Promise<void> {
    await this.audit.record(tx, {
      occurredAt: now,
      actorUserId: admin.userId,
      actorRole: admin.role,
      action,
      targetType: 'user',
      targetId: target.user_id,
      detail: { username: target.username, ...detail },
    });
  }
}

function snapshot(a: UserRow): Record<string, unknown> {
  return { role: a.role, regions: a.regions, displayName: a.display_name, disabled: a.disabled };
}
