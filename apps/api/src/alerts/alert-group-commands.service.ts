import { Injectable } from '@nestjs/common';
import { type GroupCommandResponse, type GroupMemberResult } from '@fengqiao/contracts';
import { AlertStore, toAlert } from '@fengqiao/db';
import { alertGroupKeyOf, type AlertCommand } from '@fengqiao/domain';
import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';
import { AlertCommandsService } from './alert-commands.service';

interface Member {
  readonly alertId: string;
  readonly version: number;
}

const unseen = (alertId: string): GroupMemberResult => ({
  alertId,
  ok: false,
  code: 'NOT_FOUND',
  message: 'no such alert in your regions',
});

/**
 * A command on a whole alert group (rule, cause, area: `@fengqiao/domain` `alertGroupKeyOf`): each
 * member the caller may see goes through the single transition, so it gets its own version check,
 * change row on the outbox and audit row; one member's refusal does not stop the others.
 */
@Injectable()
export class AlertGroupCommandsService {
  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
    private readonly commands: AlertCommandsService,
  ) {}

  async run(user: AuthUser, members: readonly Member[], cmd: AlertCommand): Promise<GroupCommandResponse> {
    const visible = await this.visibleIds(user, members);
    const results: GroupMemberResult[] = [];
    for (const m of members) {
      results.push(visible.has(m.alertId) ? await this.one(user, m, cmd) : unseen(m.alertId));
    }
    return { done: results.filter((r) => r.ok).length, results };
  }

  /** The members in the caller's regions; refused when they are not one group. */
  private async visibleIds(user: AuthUser, members: readonly Member[]): Promise<Set<string>> {
    const keys = new Set<string>();
    const ids = new Set<string>();
    for (const m of members) {
      const row = await this.alerts.findById(this.db.pool, m.alertId);
      if (row === undefined || !inScope(user.regions, row)) continue;
      keys.add(alertGroupKeyOf(toAlert(row)));
      ids.add(m.alertId);
    }
    if (keys.size > 1) {
      throw new ApiError('VALIDATION_FAILED', 'the members are not one alert group', [
        { path: 'members', message: `${keys.size} groups (rule, cause and area differ, or a red alert)` },
      ]);
    }
    return ids;
  }

  private async one(user: AuthUser, m: Member, cmd: AlertCommand): Promise<GroupMemberResult> {
    try {
      const { alert, seq } = await this.commands.transition(user, m.alertId, m.version, cmd);
      return { alertId: m.alertId, ok: true, state: alert.state, version: alert.version, seq };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return { alertId: m.alertId, ok: false, code: err.code, message: err.message };
    }
  }
}
