import { Injectable } from '@nestjs/common';
import {
  ALERT_GROUP_STATES,
  type AlertGroupListQuery,
  type AlertGroupListResponse,
  type AlertGroupView,
} from '@fengqiao/contracts';
import { AlertStore, toAlert } from '@fengqiao/db';
import { groupAlerts, type AlertGroup } from '@fengqiao/domain';
import { type AuthUser } from '../auth/auth-user';
import { Database } from '../infra/database';

/**
 * At most this many open alerts are grouped per request (the newest kept, `truncated` said): a storm
 * of 31,000 offline cameras still answers within a second or two, and nobody reads further.
 */
export const ALERT_GROUPS_MAX_OPEN = 40_000;

function viewOf(g: AlertGroup, shown: number): AlertGroupView {
  return {
    id: g.id,
    key: g.key,
    ruleId: g.ruleId,
    title: g.title,
    cause: g.cause,
    area: g.area,
    worst: g.worst,
    count: g.count,
    newestAt: g.newestAt,
    members: g.members.slice(0, shown),
    memberRefs: g.members.map((m) => ({ alertId: m.alertId, version: m.version })),
  };
}

/**
 * The open alert groups a caller sees, counted over every open alert in scope (not a client's capped
 * book): `@fengqiao/domain` `groupAlerts`, the one grouping, over the store's open alerts.
 */
@Injectable()
export class AlertGroupQueriesService {
  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
  ) {}

  /** A `region` narrows the caller's scope, never widens it (one outside it lists nothing). */
  async list(user: AuthUser, q: AlertGroupListQuery): Promise<AlertGroupListResponse> {
    const rows = await this.alerts.list(this.db.pool, {
      colours: null,
      states: ALERT_GROUP_STATES,
      region: q.region ?? null,
      ruleId: null,
      from: null,
      to: null,
      scope: user.regions,
      before: null,
      limit: ALERT_GROUPS_MAX_OPEN + 1,
    });
    const open = rows.slice(0, ALERT_GROUPS_MAX_OPEN).map(toAlert);
    return {
      items: groupAlerts(open).map((g) => viewOf(g, q.members)),
      openAlerts: open.length,
      truncated: rows.length > ALERT_GROUPS_MAX_OPEN,
    };
  }
}
