import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { SilencesRepository, silenceViewOf, type SilenceRow } from '@fengqiao/db';
import {
  type CreateSilenceRequest,
  type SilenceListQuery,
  type SilenceListResponse,
  type SilenceView,
} from '@fengqiao/contracts';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { codeInScope, inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database, type Queryable } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { matchersOf, placeOf, regionOfMatchers } from './silence-matchers';

/** Silences as data: created and expired by responders, audited, applied by the warning service. */
@Injectable()
export class SilencesService {
  constructor(
    private readonly db: Database,
    private readonly repo: SilencesRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  /**
   * A scoped user sees the silences inside their regions and the city-wide ones (those mute their
   * alerts too), never another district's.
   */
  async list(user: AuthUser, q: SilenceListQuery): Promise<SilenceListResponse> {
    const now = this.clock.now();
    const rows = await this.repo.list(this.db.pool, q.include, now);
    const visible = rows.filter((r) => {
      const region = regionOfMatchers(r.matchers);
      return region === null || codeInScope(user.regions, region);
    });
    return { items: visible.map((r) => silenceViewOf(r, now)) };
  }

  async create(user: AuthUser, req: CreateSilenceRequest): Promise<SilenceView> {
    this.authorize(user, req);
    const now = this.clock.now();
    const startsAt = req.startsAt === undefined ? now : new Date(req.startsAt);
    const endsAt = new Date(req.endsAt);
    // A silence is for planned maintenance, not a way to switch alerts off for good.
    const maxMs = this.config.tuning.api.silenceMaxWindowMs;
    if (endsAt <= startsAt || endsAt <= now || endsAt.getTime() - startsAt.getTime() > maxMs) {
      throw new ApiError('VALIDATION_FAILED', 'request failed validation', [
        {
          path: 'endsAt',
          message: `must be in the future, after startsAt, and at most ${maxMs / 86_400_000} days after it`,
        },
      ]);
    }
    const matchers = matchersOf(req);
    return this.db.transaction(async (tx) => {
      const row = await this.repo.insert(tx, {
        id: randomUUID(),
        matchers,
        startsAt,
        endsAt,
        allowRed: req.allowRed,
        by: user.username,
        role: user.role,
        comment: req.comment,
        at: now,
      });
      await this.record(tx, user, now, 'silence.create', row);
      return silenceViewOf(row, now);
    });
  }

  async expire(user: AuthUser, id: string): Promise<SilenceView> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const current = await this.repo.find(tx, id);
      if (current === undefined) throw new ApiError('NOT_FOUND', 'no such silence');
      // A scoped user expires only silences inside their regions (not city-wide ones, not another's).
      const region = regionOfMatchers(current.matchers);
      if (user.regions.length > 0 && (region === null || !codeInScope(user.regions, region)))
        throw new ApiError('OUT_OF_SCOPE', 'this silence is outside your regions');
      // Expiring twice is the same as once (a retried request).
      if (current.expired_at !== null) return silenceViewOf(current, now);
      const row = (await this.repo.expire(tx, id, user.username, now)) ?? current;
      await this.record(tx, user, now, 'silence.expire', row);
      return silenceViewOf(row, now);
    });
  }

  /**
   * Reds are unsilenceable unless an administrator allows it for planned maintenance; an officer
   * scoped to regions silences only inside them (a region matcher is then required).
   */
  private authorize(user: AuthUser, req: CreateSilenceRequest): void {
    if (req.allowRed && user.role !== 'admin') {
      throw new ApiError('FORBIDDEN', 'only an administrator may silence red alerts');
    }
    if (req.colour === 'red' && !req.allowRed) {
      throw new ApiError('ALERT_NOT_SILENCEABLE', 'red alerts are not silenced without allowRed');
    }
    if (user.regions.length === 0) return;
    if (req.regionPrefix === undefined || !inScope(user.regions, placeOf(req.regionPrefix))) {
      throw new ApiError('OUT_OF_SCOPE', 'a silence must stay inside your regions (set regionPrefix)');
    }
  }

  private record(tx: Queryable, user: AuthUser, at: Date, action: string, row: SilenceRow): Promise<void> {
    return this.audit.record(tx, {
      occurredAt: at,
      actorUserId: user.userId,
      actorRole: user.role,
      action,
      targetType: 'silence',
      targetId: row.silence_id,
      detail: {
        matchers: row.matchers,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        allowRed: row.allow_red,
      },
    });
  }
}
