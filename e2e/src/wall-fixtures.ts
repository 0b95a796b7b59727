import { spawnSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { OUTPUT_TOPICS, type Alert, type AlertChanged, type AlertColour } from '@fengqiao/contracts';
import { BUILT_IN_DISTRICTS } from '@fengqiao/geo';
import { alertChangeEventId, AlertOutboxRelay, AlertStore, type DbPool } from '@fengqiao/db';
import { createKafkaClient, KafkaAlertChangeSink, KafkaEventPublisher } from '@fengqiao/kafka';
import { seedRollupCells } from '@fengqiao/testing';
import { AlertRecorder } from '@fengqiao/warning/src/engine/alert-recorder';

const CATEGORIES = ['neighbourhood', 'labour-wages', 'property-housing', 'traffic'] as const;
export const TOWNSHIP_NAMES = ['江北街道', '回风街道', '东城街道'] as const;

/** Creates the demo users (wall, officer, analyst, …) in this run's database with the API's own seed. */
export function seedDemoUsers(root: string): void {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/seed-users.ts'], {
    cwd: root,
    env: process.env,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`seed-users failed: ${r.stderr}`);
}

/**
 * A small city: 5 counties × 3 townships, hourly rollups over the last 8 days and the same days a
 * year earlier (for year on year), and two online cameras per township for the video slot.
 */
export async function seedWallWorld(pool: DbPool): Promise<void> {
  // Seqs far above any other database's, so changes from other runs on the shared topic never collide;
  // and never backwards: the spec files of one worker share this database, and a seq below the rows
  // an earlier file left made a resuming wall's replay reach past every later live change (the wall
  // e2e's acknowledgement after a reconnect, seen late or never, 2026-12-07).
  await pool.query(
    `SELECT setval('alert_changes_seq_seq',
       greatest((SELECT last_value FROM alert_changes_seq_seq), (SELECT coalesce(max(seq), 0) FROM alert_changes),
                1000000000) + $1)`,
    [1 + randomInt(1_000_000)],
  );
  for (const d of BUILT_IN_DISTRICTS) {
    await pool.query(
      `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight) VALUES ($1, 'county', '511900', $2, $3, $4, 1000)
       ON CONFLICT DO NOTHING`,
      [d.code, d.name, d.seat.lon, d.seat.lat],
    );
    for (const [i, name] of TOWNSHIP_NAMES.entries()) {
      const code = `${d.code}${String(i + 1).padStart(3, '0')}`;
      await pool.query(
        `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight) VALUES ($1, 'township', $2, $3, $4, $5, 300)
         ON CONFLICT DO NOTHING`,
        [code, d.code, `${d.name.slice(0, 2)}${name}`, d.seat.lon + i * 0.02, d.seat.lat],
      );
      await seedCameras(pool, d.code, code, d.seat.lon + i * 0.02, d.seat.lat);
    }
  }
  // The rollup cells as each path keeps them (raw events under TimescaleDB); idempotent.
  await seedRollupCells(
    pool,
    `SELECT h + y AS bucket, r.parent AS county, r.code AS township, 'case' AS source, c AS category,
            1 + (abs(hashtext(r.code || c || h::text)) % (CASE WHEN y = interval '0' THEN 9 ELSE 12 END)) AS events
     FROM regions r, unnest($1::text[]) c,
          generate_series(date_trunc('hour', now()) - interval '8 days', date_trunc('hour', now()), interval '1 hour') h,
          (VALUES (interval '0'), (interval '-1 year')) v(y)
     WHERE r.level = 'township'`,
    [CATEGORIES],
  );
}

async function seedCameras(
  pool: DbPool,
  county: string,
  township: string,
  lon: number,
  lat: number,
): Promise<void> {
  for (const n of [1, 2]) {
    const id = `${township.slice(0, 6)}01132${township.slice(6)}${String(n).padStart(6, '0')}`;
    await pool.query(
      `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
       VALUES ($1, $2, 'square', $3, $4, $5, $6, 'public-security', $1, now()) ON CONFLICT DO NOTHING`,
      [id, `${township.slice(-3)}号广场${n}号机`, county, township, lon, lat],
    );
    await pool.query(
      `INSERT INTO camera_state (camera_id, online, changed_at, seen_at) VALUES ($1, true, now(), now()) ON CONFLICT DO NOTHING`,
      [id],
    );
  }
}

/**
 * Reds that earlier suites left waiting (the tier shares one database and the alert topic): the
 * officer acknowledges them through the API first, so they neither hold a freshly opened wall nor
 * push this suite's rows out of the ticker's visible rows.
 */
export async function acknowledgeWaitingReds(pool: DbPool, apiUrl: string): Promise<void> {
  const waiting = await pool.query<{ alert_id: string; version: number }>(
    "SELECT alert_id, version FROM alerts WHERE colour = 'red' AND state IN ('raised', 'escalated', 'reopened')",
  );
  if (waiting.rows.length === 0) return;
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: 'officer-demo-2026' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  for (const r of waiting.rows) {
    const res = await fetch(`${apiUrl}/api/alerts/${r.alert_id}/acknowledge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: r.version, note: '测试前签收' }),
    });
    // 409: it changed meanwhile (someone else took it on); either way it no longer waits.
    if (!res.ok && res.status !== 409) throw new Error(`acknowledge ${r.alert_id}: HTTP ${res.status}`);
  }
}

export function aRedAlert(title: string, overrides: Partial<Alert> = {}, colour: AlertColour = 'red'): Alert {
  const id = randomUUID();
  const at = new Date().toISOString();
  return {
    alertId: id,
    dedupKey: `e2e:${id}`,
    ruleId: 'e2e-wall',
    ruleVersion: 1,
    colour,
    state: 'raised',
    version: 1,
    title,
    region: { county: '511921', township: '511921001' },
    location: { lon: 107.25, lat: 31.91 },
    escalationLevel: 'grid',
    raisedAt: at,
    updatedAt: at,
    explanation: {
      summary: '群体性纠纷：1小时内同一地点来访 12 次',
      evidence: [randomUUID()],
      values: { visits: 12 },
      thresholds: { visits: 10 },
    },
    ...overrides,
  };
}

/**
 * Stands in for the warning service: each change goes through that service's own recorder (alert row,
 * change row and its seq, under the seq lock every alert_changes writer shares) and its outbox relay
 * (published on the alerts topic in seq order, then marked published), so the API streams it to the
 * wall exactly as a real one. One writer for the browser specs and the dashboard benchmarks.
 */
export class AlertRaiser {
  private readonly kafka: KafkaEventPublisher;
  private readonly recorder: AlertRecorder;
  private readonly relay: AlertOutboxRelay;
  private readonly setAside: unknown[] = [];

  constructor(pool: DbPool, brokers: readonly string[]) {
    this.kafka = new KafkaEventPublisher(
      createKafkaClient({ clientId: `e2e-alerts-${randomUUID().slice(0, 8)}`, brokers }),
    );
    const store = new AlertStore();
    this.recorder = new AlertRecorder(pool, store);
    const sink = new KafkaAlertChangeSink(this.kafka, OUTPUT_TOPICS.alertChanges.name);
    this.relay = new AlertOutboxRelay(pool, store, sink, (err) => this.setAside.push(err));
  }

  raise(alert: Alert): Promise<AlertChanged> {
    return this.apply('raised', alert);
  }

  /** Many alerts at once (a storm): each recorded as `raise` does, then one relay flush for all. */
  async raiseMany(alerts: readonly Alert[]): Promise<void> {
    for (const alert of alerts) {
      const outcome = await this.recorder.record({
        type: 'raised',
        alert,
        notify: true,
        groupKey: alert.ruleId,
        labels: {},
      });
      if (outcome.kind !== 'recorded')
        throw new Error(`ALERT_NOT_RECORDED: ${alert.alertId} was ${outcome.kind}`);
    }
    await this.relay.flush();
    if (this.setAside.length > 0) throw this.setAside[0];
  }

  /** The next version of an open alert, resolved as a real incident. */
  resolve(alert: Alert): Promise<AlertChanged> {
    const at = new Date().toISOString();
    const resolved: Alert = { ...alert, state: 'resolved', version: alert.version + 1, updatedAt: at };
    return this.apply('resolved', { ...resolved, resolvedAt: at, outcome: 'real-incident' });
  }

  async close(): Promise<void> {
    await this.relay.idle();
    await this.kafka.disconnect();
  }

  private async apply(type: 'raised' | 'resolved', alert: Alert): Promise<AlertChanged> {
    const outcome = await this.recorder.record({
      type,
      alert,
      notify: true,
      groupKey: alert.ruleId,
      labels: {},
    });
    if (outcome.kind !== 'recorded')
      throw new Error(`ALERT_NOT_RECORDED: ${alert.alertId} v${alert.version} was ${outcome.kind}`);
    await this.relay.flush();
    // The relay sets aside a change that breaks the contract instead of failing: a fixture must fail.
    if (this.setAside.length > 0) throw this.setAside[0];
    return {
      schema: 'alert.changed.v1',
      eventId: alertChangeEventId(alert.alertId, alert.version),
      occurredAt: alert.updatedAt,
      seq: outcome.seq,
      change: type,
      alert,
    };
  }
}

/** The county, townships and site types of the camera-offline storm (wall grouping e2e, wall-storm bench). */
export const STORM_COUNTY = '511922';
export const STORM_TOWNSHIPS = ['511922001', '511922002', '511922003'] as const;
export const STORM_SITES = ['school', 'station'] as const;

/**
 * The `i`-th blue "school or station camera offline" alert of a storm under rule `ruleId`: spread over
 * the storm's three townships and two site types, so it groups into six rows.
 */
export function stormOfflineAlert(ruleId: string, i: number): Alert {
  const township = STORM_TOWNSHIPS[i % STORM_TOWNSHIPS.length] as string;
  const site = STORM_SITES[Math.floor(i / STORM_TOWNSHIPS.length) % STORM_SITES.length] as string;
  const a = aRedAlert(
    '学校或车站摄像头离线',
    {
      ruleId,
      region: { county: STORM_COUNTY, township },
      explanation: {
        summary: '学校或车站摄像头离线：全部条件均满足（规则 key-site-camera-offline 第 1 版）',
        evidence: [],
        values: { online: false, siteType: site },
        thresholds: { 'online eq': 'false', 'siteType in': 'school,station' },
      },
    },
    'blue',
  );
  return { ...a, dedupKey: `${ruleId}:${township}01132${String(i).padStart(6, '0')}` };
}
