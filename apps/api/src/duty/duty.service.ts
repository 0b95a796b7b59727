import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { cityNameOf } from '@fengqiao/geo';
import {
  type ClearRosterRequest,
  type DutyPerson,
  type OnDutyNow,
  type RosterResponse,
  type RosterVersionList,
  type SetRosterExceptionRequest,
  type SetRosterRequest,
} from '@fengqiao/contracts';
import { ActiveVersionCache, RostersRepository, type Revision } from '@fengqiao/db';
import { cityDateOf, DAY_MS } from '@fengqiao/domain';
import {
  EMPTY_ROSTER,
  parseDutyRoster,
  RosterDocumentError,
  withException,
  withoutExceptionsBefore,
  withoutPattern,
  withPattern,
  type DutyRoster,
} from '@fengqiao/notify';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { codeInScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { VersionedDocumentService } from '../versioned/versioned-documents.service';
import { DUTY_ROSTER_VERSIONS } from '../versioned/versioned-tables';
import { onDutyItems, rosterResponseOf } from './roster-view';

/** A stored or edited roster that does not parse answers VALIDATION_FAILED, naming each problem. */
function validRoster(raw: unknown): DutyRoster {
  try {
    return parseDutyRoster(raw);
  } catch (err: unknown) {
    if (err instanceof RosterDocumentError)
      throw new ApiError('VALIDATION_FAILED', 'invalid duty roster', [...err.problems]);
    throw err;
  }
}

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

/**
 * Rosters: who holds which shift, edited by duty officers and administrators. The roster is one
 * versioned document (`duty_roster_versions`): each edit is a new version made active at once through
 * the same store and service as rule sets and routing tables, audited in its transaction.
 */
@Injectable()
export class DutyService {
  private readonly cache: ActiveVersionCache<DutyRoster>;
  private readonly versions: VersionedDocumentService<DutyRoster>;

  constructor(
    private readonly db: Database,
    private readonly rosters: RostersRepository,
    audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {
    this.cache = new ActiveVersionCache<DutyRoster>(db.pool, DUTY_ROSTER_VERSIONS, validRoster);
    this.versions = new VersionedDocumentService<DutyRoster>(db, DUTY_ROSTER_VERSIONS, audit, clock, {
      targetType: 'duty-roster',
      auditPrefix: 'duty',
      validate: validRoster,
      cache: this.cache,
    });
  }

  async list(user: AuthUser, region: string | undefined): Promise<RosterResponse> {
    if (region !== undefined) assertEditable(user, region);
    return this.view(user, await this.active(), region);
  }

  async now(user: AuthUser): Promise<OnDutyNow> {
    const now = this.clock.now().getTime();
    const parts = this.visibleParts(user, await this.active(), undefined);
    const people = await this.people([...parts.patterns, ...parts.exceptions]);
    const codes = [...new Set(parts.patterns.map((r) => r.regionCode))];
    const names = await this.rosters.regionNames(this.db.pool, codes);
    const city = cityNameOf(this.config.city);
    return { at: new Date(now).toISOString(), items: onDutyItems(parts, people, names, now, city) };
  }

  /** Every version of the roster document, newest first: for city-wide users (it spans every region). */
  async history(user: AuthUser): Promise<RosterVersionList> {
    if (user.regions.length > 0)
      throw new ApiError('OUT_OF_SCOPE', 'the roster history spans every region: city-wide users only');
    const rows = await this.versions.list();
    return {
      items: rows.map((r) => ({
        version: r.version,
        status: r.status,
        entries: r.size,
        note: r.note,
        changedBy: r.activatedBy ?? r.proposedBy,
        changedAt: (r.activatedAt ?? r.proposedAt).toISOString(),
      })),
    };
  }

  async candidates(): Promise<DutyPerson[]> {
    const rows = await this.rosters.dutyCandidates(this.db.pool);
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name }));
  }

  async set(user: AuthUser, req: SetRosterRequest): Promise<RosterResponse> {
    const holders = await this.holders(req.primaryUserId, req.backupUserId ?? null);
    return this.change(user, req.regionCode, 'duty.roster.set', { ...req }, (r) =>
      withPattern(r, { ...req, ...holders }),
    );
  }

  async clear(user: AuthUser, req: ClearRosterRequest): Promise<RosterResponse> {
    return this.change(user, req.regionCode, 'duty.roster.clear', { ...req }, (r) => withoutPattern(r, req));
  }

  async setException(user: AuthUser, req: SetRosterExceptionRequest): Promise<RosterResponse> {
    const holders = await this.holders(req.primaryUserId, req.backupUserId ?? null);
    return this.change(user, req.regionCode, 'duty.exception.set', { ...req }, (r) =>
      withException(r, {
        regionCode: req.regionCode,
        shift: req.shift,
        date: req.date,
        ...holders,
        reason: req.reason,
      }),
    );
  }

  /** The active roster (one indexed query; its document reloaded only when another version is active). */
  private async active(): Promise<DutyRoster> {
    return (await this.cache.refresh())?.document ?? EMPTY_ROSTER;
  }

  private async change(
    user: AuthUser,
    regionCode: string,
    action: string,
    detail: Record<string, unknown>,
    edit: (roster: DutyRoster) => DutyRoster,
  ): Promise<RosterResponse> {
    assertEditable(user, regionCode);
    // The shift holding "now" began at most the day before: older exceptions stay in retired versions.
    const since = cityDateOf(this.clock.now().getTime() - DAY_MS);
    const build = (current: DutyRoster | undefined): Revision<DutyRoster> => ({
      document: edit(withoutExceptionsBefore(current ?? EMPTY_ROSTER, since)),
      note: `${action} ${regionCode}`,
    });
    const revised = await this.versions.revise(user, build, () => ({ action, targetId: regionCode, detail }));
    return this.view(user, revised.document, regionCode);
  }

  /** Primary and backup must be enabled duty officers or administrators, and two people. */
  private async holders(
    primary: string,
    backup: string | null,
  ): Promise<{ primaryUserId: string; backupUserId: string | null }> {
    const allowed = new Set((await this.rosters.dutyCandidates(this.db.pool)).map((r) => r.user_id));
    const bad = [
      ...(allowed.has(primary) ? [] : [{ path: 'primaryUserId', message: 'not an enabled duty officer' }]),
      ...(backup === null || allowed.has(backup)
        ? []
        : [{ path: 'backupUserId', message: 'not an enabled duty officer' }]),
      ...(backup === primary ? [{ path: 'backupUserId', message: 'the backup is another person' }] : []),
    ];
    if (bad.length > 0) throw new ApiError('VALIDATION_FAILED', 'invalid roster holders', bad);
    return { primaryUserId: primary, backupUserId: backup };
  }

  /** The parts of the roster the user may see: one region's, or every visible one's. */
  private visibleParts(user: AuthUser, roster: DutyRoster, region: string | undefined): DutyRoster {
    const since = cityDateOf(this.clock.now().getTime() - DAY_MS);
    const keep = (code: string): boolean => (region === undefined || code === region) && visible(user, code);
    return {
      patterns: roster.patterns.filter((p) => keep(p.regionCode)),
      exceptions: roster.exceptions.filter((e) => keep(e.regionCode) && e.date >= since),
    };
  }

  private async view(
    user: AuthUser,
    roster: DutyRoster,
    region: string | undefined,
  ): Promise<RosterResponse> {
    const parts = this.visibleParts(user, roster, region);
    return rosterResponseOf(parts, await this.people([...parts.patterns, ...parts.exceptions]));
  }

  private async people(entries: readonly { primaryUserId: string; backupUserId: string | null }[]) {
    const ids = entries.flatMap((r) =>
      r.backupUserId === null ? [r.primaryUserId] : [r.primaryUserId, r.backupUserId],
    );
    const rows = await this.rosters.people(this.db.pool, [...new Set(ids)]);
    return new Map(rows.map((r) => [r.user_id, r]));
  }
}
