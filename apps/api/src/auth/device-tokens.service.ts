import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CreateDeviceTokenRequest,
  type CreatedDeviceToken,
  type DeviceTokenInfo,
  type DeviceTokenListResponse,
  type TokenPair,
} from '@fengqiao/contracts';
import { AuditService } from '../audit/audit.service';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database, type Queryable } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { type AuthUser } from './auth-user';
import { AuthService, toSessionUser } from './auth.service';
import { type DeviceTokenRow, DeviceTokensRepository } from './device-tokens.repository';

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');
const DAY_MS = 86_400_000;

function toInfo(r: DeviceTokenRow): DeviceTokenInfo {
  return {
    tokenId: r.token_id,
    label: r.label,
    username: r.username,
    regions: r.regions,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

/**
 * Kiosk sign-in for wall displays. A session started by a device token uses the token's id as its
 * refresh family, so revoking the token also ends the sessions it started.
 */
@Injectable()
export class DeviceTokensService {
  constructor(
    private readonly db: Database,
    private readonly devices: DeviceTokensRepository,
    private readonly sessions: AuthService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(admin: AuthUser, req: CreateDeviceTokenRequest): Promise<CreatedDeviceToken> {
    const username = req.username.toLowerCase();
    const now = this.clock.now();
    const deviceToken = `fqd_${randomBytes(32).toString('base64url')}`;
    const tokenId = randomUUID();
    const expiresAt =
      req.expiresInDays === undefined ? null : new Date(now.getTime() + req.expiresInDays * DAY_MS);
    const row = await this.db.transaction(async (tx) => {
      const bound = await this.devices.insert(tx, {
        tokenId,
        tokenHash: digest(deviceToken),
        username,
        label: req.label,
        createdBy: admin.userId,
        createdAt: now,
        expiresAt,
      });
      if (!bound) {
        throw new ApiError('VALIDATION_FAILED', 'a device token is bound to an active wall user', [
          { path: 'username', message: 'not an active wall user' },
        ]);
      }
      await this.audited(tx, admin, 'device-token.created', tokenId, { username, now });
      return this.devices.findById(tx, tokenId);
    });
    if (row === undefined) throw new ApiError('INTERNAL', 'device token vanished');
    return { info: toInfo(row), deviceToken };
  }

  async list(): Promise<DeviceTokenListResponse> {
    return { items: (await this.devices.list(this.db.pool)).map(toInfo) };
  }

  async revoke(admin: AuthUser, tokenId: string): Promise<DeviceTokenInfo> {
    const now = this.clock.now();
    const row = await this.db.transaction(async (tx) => {
      if (await this.devices.revoke(tx, tokenId, now)) {
        await this.audited(tx, admin, 'device-token.revoked', tokenId, { now });
      }
      return this.devices.findById(tx, tokenId);
    });
    if (row === undefined) throw new ApiError('NOT_FOUND', 'no such device token');
    return toInfo(row);
  }

  /** One answer for unknown, revoked, expired or unbound tokens, like a wrong password. */
  async exchange(deviceToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const row = await this.devices.findByHash(this.db.pool, digest(deviceToken));
    const usable =
      row !== undefined &&
      row.revoked_at === null &&
      (row.expires_at === null || row.expires_at > now) &&
      row.user.role === 'wall' &&
      !row.user.disabled;
    if (!usable) throw new ApiError('INVALID_CREDENTIALS', 'device token invalid, expired or revoked');
    await this.devices.touch(this.db.pool, row.token_id, now);
    return this.sessions.startSession(toSessionUser(row.user), row.token_id, now);
  }

  private async audited(
    tx: Queryable,
    admin: AuthUser,
    action: string,
    tokenId: string,
    extra: { username?: string; now: Date },
  ): Promise<void> {
    await this.audit.record(tx, {
      occurredAt: extra.now,
      actorUserId: admin.userId,
      actorRole: admin.role,
      action,
      targetType: 'device-token',
      targetId: tokenId,
      detail: extra.username === undefined ? {} : { username: extra.username },
    });
  }
}
