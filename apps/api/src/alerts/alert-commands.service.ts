import { Inject, Injectable } from '@nestjs/common';
import { type TransitionResponse } from '@fengqiao/contracts';
import { AlertStore, type AlertRow, toAlert } from '@fengqiao/db';
import { ALERT_TRANSITIONS, planAlertTransition, type AlertCommand } from '@fengqiao/domain';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database, type Queryable } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { AlertOutbox } from './alert-outbox.service';

interface Outcome {
  readonly response: TransitionResponse;
  /** True when this call made the change (not when it recognised a retry). */
  readonly changed: boolean;
}

/**
 * Officers' transitions: version-checked, recorded with their outbox row and audit row in one
 * transaction, answered at once; the outbox relay publishes the change when Kafka acks it.
 */
@Injectable()
export class AlertCommandsService {
  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
    private readonly audit: AuditService,
    private readonly outbox: AlertOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async transition(
    user: AuthUser,
    alertId: string,
    version: number,
    cmd: AlertCommand,
  ): Promise<TransitionResponse> {
    const outcome = await this.db.transaction(async (tx) => {
      const row = await this.alerts.lockById(tx, alertId);
      if (row === undefined) throw new ApiError('NOT_FOUND', 'no such alert');
      if (!inScope(user.regions, row)) throw new ApiError('OUT_OF_SCOPE', 'alert outside your regions');
      if (row.version !== version) return this.retryOrConflict(tx, user, row, version, cmd);
      return this.apply(tx, user, row, cmd);
    });
    if (outcome.changed) this.outbox.kick();
    return outcome.response;
  }

  /** The same request retried after it succeeded answers the same; anything else stale is a 409. */
  private async retryOrConflict(
    tx: Queryable,
    user: AuthUser,
    row: AlertRow,
    version: number,
    cmd: AlertCommand,
  ): Promise<Outcome> {
    const done =
      version < row.version ? await this.alerts.findChange(tx, row.alert_id, version + 1) : undefined;
    if (
      done !== undefined &&
      done.change === ALERT_TRANSITIONS[cmd.kind].to &&
      done.actor_user_id === user.userId
    ) {
      return { response: { alert: toAlert(row), seq: done.seq }, changed: false };
    }
    throw new ApiError(
      'ALERT_VERSION_CONFLICT',
      `alert is at version ${row.version}, not ${version}: reload it`,
    );
  }

  private async apply(tx: Queryable, user: AuthUser, row: AlertRow, cmd: AlertCommand): Promise<Outcome> {
    const now = this.clock.now();
    const before = toAlert(row);
    const plan = planAlertTransition(before, cmd, now.toISOString());
    if (!plan.ok) throw new ApiError(plan.code, plan.message);
    const updated = await this.alerts.applyState(tx, plan.next, row.version);
    if (updated === undefined)
      throw new ApiError('ALERT_VERSION_CONFLICT', 'alert changed concurrently: reload it');
    const alert = toAlert(updated);
    const note = plan.note ?? null;
    const seq = await this.alerts.appendChange(tx, {
      change: plan.change,
      alert,
      occurredAt: now,
      actor: { userId: user.userId, role: user.role },
      ...(note === null ? {} : { note }),
    });
    if (seq === undefined)
      throw new ApiError('ALERT_VERSION_CONFLICT', 'alert changed concurrently: reload it');
    await this.audit.record(tx, {
      occurredAt: now,
      actorUserId: user.userId,
      actorRole: user.role,
      action: `alert.${plan.change}`,
      targetType: 'alert',
      targetId: alert.alertId,
      detail: {
        seq,
        fromState: before.state,
        toState: alert.state,
        version: alert.version,
        colour: alert.colour,
        note,
      },
    });
    return { response: { alert, seq }, changed: true };
  }
}
