import { INPUT_TOPICS, deadLetterTopicOf } from '@fengqiao/contracts';
import { type DbPool } from '@fengqiao/db';
import { createKafkaClient } from '@fengqiao/kafka';
import { type EventTable, type FaultLedger, type FaultOutcome } from '@fengqiao/testing';
import { findInKafka } from './find-in-kafka';
import { type WallClient } from './wall-client';

/** The ingest's dead-letter headers (apps/ingest dead-letter.publisher, DEAD_LETTER_HEADERS). */
const DLQ_CODE_HEADER = 'fq-dlq-code';
const DLQ_SOURCE_HEADERS = ['fq-source-topic', 'fq-source-partition', 'fq-source-offset'];

/** One dead letter as read: its code and the source message it stands for (topic/partition/offset). */
export interface CollectedLetter {
  readonly code: string;
  readonly source: string;
  /** The dead-letter record itself: topic/partition/offset. */
  readonly record: string;
}

/**
 * Reads every dead-letter topic from the beginning for the whole run (read committed, as every
 * reader must: decision 0015): key → letters seen.
 */
export class DeadLetterCollector {
  readonly byKey = new Map<string, CollectedLetter[]>();
  private readonly seen = new Set<string>();
  private readonly consumer;

  constructor(brokers: readonly string[]) {
    const kafka = createKafkaClient({ brokers, clientId: 'fq-faults-dlq', log: () => undefined });
    this.consumer = kafka.consumer({ groupId: `fq-faults-dlq-${Date.now()}`, sessionTimeout: 10_000 });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    const topics = Object.values(INPUT_TOPICS).map((t) => deadLetterTopicOf(t.name));
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        // This reader is itself at least once: when a broker kill moves its group coordinator, its
        // own offset commit can be lost and the same record fetched again. A record is one dead
        // letter whatever times it is read; a doubled letter is a second record (another offset).
        const record = `${topic}/${partition}/${message.offset}`;
        if (this.seen.has(record)) return Promise.resolve();
        this.seen.add(record);
        const key = message.key?.toString('utf8') ?? '';
        const code = message.headers?.[DLQ_CODE_HEADER]?.toString() ?? '(none)';
        const source = DLQ_SOURCE_HEADERS.map((h) => message.headers?.[h]?.toString() ?? '?').join('/');
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), { code, source, record }]);
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

export type Reconciliation = Omit<FaultOutcome, 'fault' | 'injected' | 'recoverMs'>;

/**
 * What a ledger that does not balance is made of, for the log: the events not stored (table and
 * id), the dead letters the load did not ask for (a valid event refused, e.g. a step whose case was
 * not visible) and the doubled ones, each with its source coordinates.
 */
export async function explainProblems(
  pool: DbPool,
  ledger: FaultLedger,
  dlq: DeadLetterCollector,
  wall?: { readonly wall: WallClient; readonly fromSeq: number },
  kafka?: { readonly brokers: readonly string[]; readonly ingestGroup: string },
): Promise<string[]> {
  const lines: string[] = [];
  if (wall !== undefined) lines.push(...(await explainWall(pool, wall.wall, wall.fromSeq)));
  if (wall !== undefined) lines.push(...(await explainFalseAlerts(pool, wall.fromSeq)));
  const missing = new Map<EventTable, string[]>();
  for (const [table, ids] of ledger.events) {
    const res = await pool.query<{ id: string }>(
      `SELECT i.id FROM unnest($1::uuid[]) AS i(id) WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.event_id = i.id)`,
      [ids],
    );
    const first = res.rows.slice(0, 10).map((r) => r.id);
    missing.set(table, first);
    for (const id of first) lines.push(`not stored: ${table} ${id}`);
  }
  if (kafka !== undefined && [...missing.values()].some((ids) => ids.length > 0))
    lines.push(
      ...(await findInKafka(kafka.brokers, missing, kafka.ingestGroup).catch((e: unknown) => [
        `Kafka lookup failed: ${String(e)}`,
      ])),
    );
  const expected = new Set(ledger.deadLetters.map((d) => d.key));
  for (const [key, letters] of dlq.byKey) {
    const sources = letters.map((l) => `${l.code}@${l.source} (record ${l.record})`);
    if (!expected.has(key)) lines.push(`unexpected dead letter: key ${key}: ${sources.join(', ')}`);
    else if (new Set(letters.map((l) => l.source)).size < letters.length)
      lines.push(`doubled dead letter: key ${key}: ${sources.join(', ')}`);
  }
  return lines;
}

/** The rules that raised alerts the load cannot have caused, with how many each. */
async function explainFalseAlerts(pool: DbPool, fromSeq: number): Promise<string[]> {
  const res = await pool.query<{ rule_id: string; n: number }>(
    `SELECT a.rule_id, count(DISTINCT a.alert_id)::int AS n FROM alerts a JOIN alert_changes ch USING (alert_id)
      WHERE ch.seq > $1 AND a.rule_id <> 'case-violence-risk' GROUP BY a.rule_id ORDER BY n DESC`,
    [fromSeq],
  );
  return res.rows.map((r) => `false alerts of rule ${r.rule_id}: ${r.n}`);
}

/** Each change the wall never received (seq, alert, kind, when made and published), and its connections. */
async function explainWall(pool: DbPool, wall: WallClient, fromSeq: number): Promise<string[]> {
  const got = new Set(wall.received.map((r) => r.seq));
  const res = await pool.query<{
    seq: string;
    alert_id: string;
    change: string;
    made: string;
    published: string;
  }>(
    `SELECT seq, alert_id, change, occurred_at::text AS made, coalesce(published_at::text, '-') AS published
       FROM alert_changes WHERE seq > $1 ORDER BY seq`,
    [fromSeq],
  );
  const missed = res.rows.filter((r) => !got.has(Number(r.seq)));
  if (missed.length === 0) return [];
  return [
    ...missed
      .slice(0, 10)
      .map(
        (r) =>
          `not on the wall: seq ${r.seq} ${r.change} of ${r.alert_id}, made ${r.made}, published ${r.published}`,
      ),
    ...wall.connections.slice(-10).map((c) => `wall: ${c}`),
  ];
}

/** True when nothing is missing yet (duplicates and disorder are final, waiting will not fix them). */
export function settled(r: Reconciliation): boolean {
  return (
    r.lost === 0 &&
    r.deadLettersMissing === 0 &&
    r.alertsMissing === 0 &&
    r.wallMissing === 0 &&
    r.stuck === 0
  );
}

/**
 * The ledger against what the system kept: rows per produced event id, dead letters per bad message,
 * alerts per alerting case, and every alert change since `fromSeq` against what the wall received.
 */
export async function reconcile(
  pool: DbPool,
  ledger: FaultLedger,
  dlq: DeadLetterCollector,
  wall: WallClient,
  fromSeq: number,
): Promise<Reconciliation> {
  let produced = 0;
  let stored = 0;
  let duplicated = 0;
  for (const [table, ids] of ledger.events) {
    const counts = await countRows(pool, table, ids);
    produced += ids.length;
    stored += counts.distinct;
    duplicated += counts.rows - counts.distinct;
  }
  const letters = ledger.deadLetters.map((d) => {
    const seen = dlq.byKey.get(d.key) ?? [];
    // A bad message the load sent twice (a send given up and retried) is two source messages, each
    // dead-lettered once; a source message dead-lettered twice is the defect.
    const sources = new Set(seen.map((l) => l.source));
    return { d, codes: seen.map((l) => l.code), doubled: seen.length > sources.size };
  });
  const alerts = await alertsOf(pool, ledger.alertingCases);
  const changes = await changesSince(pool, fromSeq);
  const wallCheck = checkWall(wall, changes);
  return {
    produced,
    stored,
    lost: produced - stored,
    duplicated,
    deadLetters: letters.length,
    deadLettersMissing: letters.filter((l) => l.codes.length === 0).length,
    deadLettersDuplicated: letters.filter((l) => l.doubled).length,
    deadLettersWrongCode: letters.filter((l) => l.codes.some((c) => c !== l.d.code)).length,
    alerts: ledger.alertingCases.length,
    alertsMissing: alerts.missing,
    alertsDuplicated: alerts.duplicated,
    falseAlerts: await falseAlerts(pool, fromSeq),
    changes: changes.length,
    ...wallCheck,
    stuck: changes.filter((c) => !c.published).length,
    auditOk: true,
  };
}

async function countRows(
  pool: DbPool,
  table: EventTable,
  ids: string[],
): Promise<{ rows: number; distinct: number }> {
  const res = await pool.query<{ rows: number; distinct: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct FROM ${table} WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  return res.rows[0] ?? { rows: 0, distinct: 0 };
}

/** Alerting cases without their alert, and cases whose rule raised more than one alert. */
async function alertsOf(pool: DbPool, caseIds: string[]): Promise<{ missing: number; duplicated: number }> {
  const res = await pool.query<{ case_id: string; alerts: number; raised: number }>(
    `SELECT c.case_id, count(DISTINCT a.alert_id)::int AS alerts,
            count(ch.seq) FILTER (WHERE ch.change = 'raised')::int AS raised
       FROM unnest($1::text[]) AS c(case_id)
       LEFT JOIN alerts a ON a.rule_id = 'case-violence-risk' AND strpos(a.dedup_key, c.case_id) > 0
       LEFT JOIN alert_changes ch ON ch.alert_id = a.alert_id
      GROUP BY c.case_id`,
    [caseIds],
  );
  return {
    missing: res.rows.filter((r) => r.alerts === 0).length,
    duplicated: res.rows.filter((r) => r.alerts > 1 || r.raised > 1).length,
  };
}

/** Alerts the load cannot have caused (its pairs stay under every window and anomaly rule). */
async function falseAlerts(pool: DbPool, fromSeq: number): Promise<number> {
  const res = await pool.query<{ n: number }>(
    `SELECT count(DISTINCT a.alert_id)::int AS n FROM alerts a JOIN alert_changes ch USING (alert_id)
      WHERE ch.seq > $1 AND a.rule_id <> 'case-violence-risk'`,
    [fromSeq],
  );
  return res.rows[0]?.n ?? 0;
}

interface ChangeRow {
  readonly seq: number;
  readonly alertId: string;
  readonly published: boolean;
}

async function changesSince(pool: DbPool, fromSeq: number): Promise<ChangeRow[]> {
  const res = await pool.query<{ seq: string; alert_id: string; published: boolean }>(
    `SELECT seq, alert_id, published_at IS NOT NULL AS published FROM alert_changes WHERE seq > $1 ORDER BY seq`,
    [fromSeq],
  );
  return res.rows.map((r) => ({ seq: Number(r.seq), alertId: r.alert_id, published: r.published }));
}

/** Highest alert-change seq now: a fault's changes are those after it. */
export async function currentSeq(pool: DbPool): Promise<number> {
  const res = await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM alert_changes');
  return Number(res.rows[0]?.seq ?? 0);
}

/** Each change since `fromSeq` on the wall exactly once, and each alert's changes in seq order. */
function checkWall(
  wall: WallClient,
  changes: readonly ChangeRow[],
): { wallMissing: number; wallDuplicated: number; wallOutOfOrder: number } {
  const fromSeq = changes[0]?.seq ?? Number.MAX_SAFE_INTEGER;
  const counts = new Map<number, number>();
  const lastOfAlert = new Map<string, number>();
  let outOfOrder = 0;
  for (const r of wall.received) {
    if (r.seq < fromSeq) continue;
    counts.set(r.seq, (counts.get(r.seq) ?? 0) + 1);
    const last = lastOfAlert.get(r.alertId);
    if (last !== undefined && r.seq < last) outOfOrder += 1;
    lastOfAlert.set(r.alertId, Math.max(last ?? 0, r.seq));
  }
  return {
    wallMissing: changes.filter((c) => !counts.has(c.seq)).length,
    wallDuplicated: [...counts.values()].filter((n) => n > 1).length,
    wallOutOfOrder: outOfOrder,
  };
}
