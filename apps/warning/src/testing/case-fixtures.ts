import { type CaseEvent } from '@fengqiao/contracts';
import { EventStoreRepository, caseEventRow, type Queryable } from '@fengqiao/db';
import { type KafkaEventPublisher } from '@fengqiao/kafka';
import { aCaseReported } from '@fengqiao/testing';

/** A reported case flagged for violence risk: the default rule set raises one red alert for it. */
export function aViolentCase(at: number, county = '511921'): CaseEvent {
  const n = 10_000 + Math.floor(Math.random() * 90_000);
  const township = `${county}${String(100 + Math.floor(Math.random() * 800))}`;
  return aCaseReported({
    caseId: `C${county}-20261206-${String(n).padStart(5, '0')}`,
    occurredAt: new Date(at).toISOString(),
    region: { county, township },
    category: 'neighbourhood',
    riskFlags: { violenceRisk: true, extremeWords: false, groupPetition: false, repeatVisits: 0 },
  });
}

/** Stores case events as the ingest does (its own consumer group, ahead of or behind the warning). */
export async function storeAsIngest(db: Queryable, events: readonly CaseEvent[]): Promise<void> {
  await new EventStoreRepository().insertCaseEvents(db, events.map(caseEventRow));
}

export async function produceCases(
  producer: KafkaEventPublisher,
  topic: string,
  events: readonly CaseEvent[],
): Promise<void> {
  await producer.publish(
    topic,
    events.map((e) => ({ key: e.caseId, value: JSON.stringify(e) })),
  );
}

/** The red alert the violence-risk rule raised for a case, with its changes, if any. */
export async function violenceAlertOf(
  db: Queryable,
  caseId: string,
): Promise<{ alertId: string; changes: string[] } | undefined> {
  const r = await db.query<{ alert_id: string; changes: string[] }>(
    `SELECT a.alert_id, array_agg(c.change ORDER BY c.seq) AS changes
       FROM alerts a JOIN alert_changes c USING (alert_id)
      WHERE a.rule_id = 'case-violence-risk' AND strpos(a.dedup_key, $1) > 0
      GROUP BY a.alert_id`,
    [caseId],
  );
  const row = r.rows[0];
  return row === undefined ? undefined : { alertId: row.alert_id, changes: row.changes };
}
