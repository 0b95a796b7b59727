import { createHash } from 'node:crypto';
import {
  type Alert,
  type AlertChanged,
  type AlertChangeKind,
  type AlertHistoryEntry,
} from '@fengqiao/contracts';

/** A row of `alerts` as pg returns it. */
export interface AlertRow {
  readonly alert_id: string;
  readonly dedup_key: string;
  readonly rule_id: string;
  readonly rule_version: number;
  readonly colour: Alert['colour'];
  readonly state: Alert['state'];
  readonly version: number;
  readonly title: string;
  readonly county: string;
  readonly township: string | null;
  readonly grid: string | null;
  readonly lon: number | null;
  readonly lat: number | null;
  readonly escalation_level: Alert['escalationLevel'];
  readonly raised_at: Date;
  readonly updated_at: Date;
  readonly acknowledged_at: Date | null;
  readonly resolved_at: Date | null;
  readonly outcome: Alert['outcome'] | null;
  readonly explanation: Alert['explanation'];
  readonly last_seq: number;
}

/** A row of `alert_changes` as pg returns it (the outbox columns left out). */
export interface AlertChangeRow {
  readonly seq: number;
  readonly alert_id: string;
  readonly version: number;
  readonly change: AlertChangeKind;
  readonly occurred_at: Date;
  readonly actor_user_id: string | null;
  readonly actor_role: string | null;
  readonly note: string | null;
  readonly snapshot: Alert;
  /** Only in an alert's history: the acting account's display name. */
  readonly actor_name?: string | null;
}

/**
 * The one event id of the change that made `version` of an alert, wherever it is read (the relay's
 * Kafka message or a socket replay), so a republished or replayed change is dropped by id. A
 * name-based UUID (SHA-1 of a fixed namespace string, version nibble 5, RFC variant).
 */
export function alertChangeEventId(alertId: string, version: number): string {
  const h = createHash('sha1').update(`fengqiao:alert-change:${alertId}:${version}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function toAlert(r: AlertRow): Alert {
  return {
    alertId: r.alert_id,
    dedupKey: r.dedup_key,
    ruleId: r.rule_id,
    ruleVersion: r.rule_version,
    colour: r.colour,
    state: r.state,
    version: r.version,
    title: r.title,
    region: {
      county: r.county,
      ...(r.township === null ? {} : { township: r.township }),
      ...(r.grid === null ? {} : { grid: r.grid }),
    },
    ...(r.lon === null || r.lat === null ? {} : { location: { lon: r.lon, lat: r.lat } }),
    escalationLevel: r.escalation_level,
    raisedAt: r.raised_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    ...(r.acknowledged_at === null ? {} : { acknowledgedAt: r.acknowledged_at.toISOString() }),
    ...(r.resolved_at === null ? {} : { resolvedAt: r.resolved_at.toISOString() }),
    ...(r.outcome === null ? {} : { outcome: r.outcome }),
    explanation: r.explanation,
  };
}

function actorOf(r: AlertChangeRow): { userId: string; role: string } | undefined {
  return r.actor_user_id === null ? undefined : { userId: r.actor_user_id, role: r.actor_role ?? 'unknown' };
}

export function toHistoryEntry(r: AlertChangeRow): AlertHistoryEntry {
  const who = actorOf(r);
  const actor =
    who === undefined || r.actor_name === undefined || r.actor_name === null
      ? who
      : { ...who, name: r.actor_name };
  return {
    seq: r.seq,
    version: r.version,
    change: r.change,
    occurredAt: r.occurred_at.toISOString(),
    ...(actor === undefined ? {} : { actor }),
    ...(r.note === null ? {} : { note: r.note }),
  };
}

/** `alert.changed.v1` of a change row: the same message on Kafka (the relay) and in a replay. */
export function toAlertChanged(r: AlertChangeRow): AlertChanged {
  const actor = actorOf(r);
  return {
    schema: 'alert.changed.v1',
    eventId: alertChangeEventId(r.alert_id, r.version),
    occurredAt: r.occurred_at.toISOString(),
    seq: r.seq,
    change: r.change,
    alert: r.snapshot,
    ...(actor === undefined ? {} : { actor }),
    ...(r.note === null ? {} : { note: r.note }),
  };
}
