import { Inject, Injectable } from '@nestjs/common';
import {
  type ClearRosterRequest,
  type DutyPerson,
  type OnDutyNow,
  type RosterResponse,
  type SetRosterExceptionRequest,
  type SetRosterRequest,
} from '@fengqiao/contracts';
import { RostersRepository, type Queryable } from '@fengqiao/db';
import { cityDateOf, DAY_MS } from '@fengqiao/domain';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { codeInScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { onDutyItems, rosterResponseOf } from './roster-view';

/** The city roster belongs to city-wide users; a region roster to users whose scope holds it. */
function visible(user: AuthUser, code: string): boolean {
  return code === 'city' ? user.regions.length === 0 : codeInScope(user.regions, code);
}

function assertEditable(user: AuthUser, code: string): void {
  if (!visible(user, code))
    throw new ApiError('OUT_OF_SCOPE', 'roster region outside your regions', [
      { path: 'regionCode', message: 'outside your regions' },
    ]);
}

/** Rosters: who holds which shift, edited by duty officers and administrators, every change audited. */
@Injectable()
export class DutyService {
  constructor(
    private readonly db: Database,
    private readonly rosters: RostersRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, region: string | undefined): Promise<RosterResponse> {
    if (region !== undefined) assertEditable(user, region);
    return this.read(this.db.pool, user, region);
  }

  async now(user: AuthUser): Promise<OnDutyNow> {
    const now = this.clock.now().getTime();
    const since = cityDateOf(now - DAY_MS);
    const [patterns, exceptions] = await Promise.all([
      this.rosters.patterns(this.db.pool, null),
      this.rosters.exceptions(this.db.pool, null, since),
    ]);
    const p = patterns.filter((r) => visible(user, r.region_code));
    const e = exceptions.filter((r) => visible(user, r.region_code));
    const people = await this.people([...p, ...e].flatMap((r) => [r.primary_user_id, r.backup_user_id]));
    const names = await this.rosters.regionNames(this.db.pool, [...new Set(p.map((r) => r.region_code))]);
    return { at: new Date(now).toISOString(), items: onDutyItems(p, e, people, names, now) };
  }

  async candidates(): Promise<DutyPerson[]> {
    const rows = await this.rosters.dutyCandidates(this.db.pool);
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name }));
  }

  async set(user: AuthUser, req: SetRosterRequest): Promise<RosterResponse> {
    const holders = await this.holders(req.primaryUserId, req.backupUserId ?? null);
    return this.change(user, req.regionCode, 'duty.roster.set', { ...req }, (tx, at) =>
      this.rosters.setPattern(tx, { ...req, ...holders }, at, user.userId),
    );
  }

  async clear(user: AuthUser, req: ClearRosterRequest): Promise<RosterResponse> {
    return this.change(user, req.regionCode, 'duty.roster.clear', { ...req }, async (tx) => {
      await this.rosters.clearPattern(tx, req.regionCode, req.shift, req.weekdays);
    });
  }

  async setException(user: AuthUser, req: SetRosterExceptionRequest): Promise<RosterResponse> {
    const holders = await this.holders(req.primaryUserId, req.backupUserId ?? null);
    return this.change(user, req.regionCode, 'duty.exception.set', { ...req }, (tx, at) =>
      this.rosters.setException(tx, { ...req, ...holders }, at, user.userId),
    );
  }

  private async change(
    user: AuthUser,
    regionCode: string,
    action: string,
    detail: Record<string, unknown>,
    write: (tx: Queryable, at: Date) => Promise<void>,
  ): Promise<RosterResponse> {
    assertEditable(user, regionCode);
    const at = this.clock.now();
    return this.db.transaction(async (tx) => {
      await write(tx, at);
      await this.audit.record(tx, {
        occurredAt: at,
        actorUserId: user.userId,
        actorRole: user.role,
        action,
        targetType: 'duty-roster',
        targetId: regionCode,
        detail,
      });
      return this.read(tx, user, regionCode);
    });
  }

  /** Primary and backup must be enabled duty officers or administrators, and two people. */
  private async holders(
    primary: string,
    backup: string | null,
  ): Promise<{ primary: string; backup: string | null }> {
    const allowed = new Set((await this.rosters.dutyCandidates(this.db.pool)).map((r) => r.user_id));
    const bad = [
      ...(allowed.has(primary) ? [] : [{ path: 'primaryUserId', message: 'not an enabled duty officer' }]),
      ...(backup === null || allowed.has(backup)
        ? []
        : [{ path: 'backupUserId', message: 'not an enabled duty officer' }]),
      ...(backup === primary ? [{ path: 'backupUserId', message: 'the backup is another person' }] : []),
    ];
    if (bad.length > 0) throw new ApiError('VALIDATION_FAILED', 'invalid roster holders', bad);
    return { primary, backup };
  }

  private async read(db: Queryable, user: AuthUser, region: string | undefined): Promise<RosterResponse> {
    const regions = region === undefined ? null : [region];
    const since = cityDateOf(this.clock.now().getTime() - DAY_MS);
    const [patterns, exceptions] = await Promise.all([
      this.rosters.patterns(db, regions),
      this.rosters.exceptions(db, regions, since),
    ]);
    const p = patterns.filter((r) => visible(user, r.region_code));
    const e = exceptions.filter((r) => visible(user, r.region_code));
    const people = await this.people(
      [...p, ...e].flatMap((r) => [r.primary_user_id, r.backup_user_id]),
      db,
    );
    return rosterResponseOf(p, e, people);
  }

  private async people(ids: readonly (string | null)[], db: Queryable = this.db.pool) {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    const rows = await this.rosters.people(db, unique);
    return new Map(rows.map((r) => [r.user_id, r]));
  }
}
