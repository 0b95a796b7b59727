import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { type AlertChanged, LIVE_NAMESPACE, type TokenPair } from '@fengqiao/contracts';
import { createKafkaClient, KafkaEventPublisher } from '@fengqiao/kafka';
import { aCameraStatus, aCaseId, aCaseReported } from '@fengqiao/testing';
import { createWarningApp } from '../../apps/warning/src/warning-app';
import { warningTopics } from '../../apps/warning/src/warning-topics';
import { benchApiDatabase, percentile, startBenchApi } from './bench-api-env';

/**
 * Input event in Kafka → red alert on a Socket.IO client, through the whole path: the warning
 * service (consumer, engine, alert + outbox in one transaction, relay) → the alert-changes topic →
 * the API (consumer, fan-out) → the socket. Nominal load beside it: camera heartbeats at --load ev/s.
 *   node -r @swc-node/register bench/api/event-to-alert.bench.ts --duration 60 --rate 5 --load 1000 --warmup 2
 * Target (issue 5): p99 ≤ 500 ms.
 */
const COUNTIES = ['511902', '511903', '511921', '511922', '511923'] as const;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

async function main(): Promise<void> {
  const seconds = arg('duration', 20);
  const rate = arg('rate', 5);
  const load = arg('load', 1000);
  const warmup = arg('warmup', 2);
  const { config, pool } = await benchApiDatabase();
  const suffix = `bench-e2a-${randomUUID().slice(0, 8)}`;
  const topics = warningTopics(suffix);
  const warning = createWarningApp(config, { topicSuffix: suffix, groupId: `bench-warning-${suffix}` });
  await warning.start();
  while (!warning.isJoined()) await new Promise((r) => setTimeout(r, 200));
  const api = await startBenchApi(config, { alertsTopic: topics.byKind.alertChanges });
  const login = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'wall', password: 'wall-demo-2026' }),
  });
  const token = ((await login.json()) as TokenPair).accessToken;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  // Events of the first --warmup seconds are sent and awaited but not counted (JIT, first joins).
  const warmupIds = new Set<string>();
  const socket: Socket = io(`${api.url}${LIVE_NAMESPACE}`, { auth: { token }, transports: ['websocket'] });
  // Alerts of one rule in one township may group: an event shows up as evidence of a raise or an update.
  socket.on('alert.changed', (c: AlertChanged) => {
    for (const id of c.alert.explanation.evidence) {
      const t = sentAt.get(id);
      if (t === undefined) continue;
      if (!warmupIds.delete(id)) latencies.push(Date.now() - t);
      sentAt.delete(id);
    }
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const publisher = new KafkaEventPublisher(
    createKafkaClient({ brokers: config.kafka.brokers, clientId: suffix }),
  );
  await publisher.connect();
  // Background: the nominal camera heartbeat load, in 100 ms slices.
  let loading = true;
  const background = (async () => {
    while (loading) {
      const batch = Array.from({ length: Math.ceil(load / 10) }, () => aCameraStatus());
      await publisher.publish(
        topics.byKind.cameraStatus,
        batch.map((e) => ({ key: e.cameraId, value: JSON.stringify(e) })),
      );
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const total = Math.round(seconds * rate);
  const started = Date.now();
  // Seed-independent case numbers: a re-run on the same database must not meet last run's cases.
  const base = Math.floor(Math.random() * 50_000);
  for (let i = 0; i < total; i += 1) {
    // One case per event, spread over the counties and townships: each is its own red alert (the
    // rule's subject is the case), so the figure is a raise per event, never an update of a group.
    const county = COUNTIES[i % COUNTIES.length] ?? '511902';
    const event = aCaseReported({
      caseId: aCaseId(base + i, county),
      region: { county, township: `${county}${String(1 + (i % 9)).padStart(3, '0')}` },
      riskFlags: { violenceRisk: true, extremeWords: false, groupPetition: false, repeatVisits: 0 },
    });
    sentAt.set(event.eventId, Date.now());
    if (i < warmup * rate) warmupIds.add(event.eventId);
    await publisher.publish(topics.byKind.case, [{ key: event.caseId, value: JSON.stringify(event) }]);
    const due = started + ((i + 1) * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  }
  // The load keeps running until every alert arrived (or 10 s passed: then the count says so).
  const deadline = Date.now() + 10_000;
  const counted = total - Math.min(total, Math.ceil(warmup * rate));
  while (latencies.length < counted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  loading = false;
  await background;
  const sorted = [...latencies].sort((a, b) => a - b);
  process.stdout.write(
    `event in Kafka → red alert on a Socket.IO client (warning service + outbox + API), ${total} events at ${rate}/s beside ${load} heartbeats/s: received ${sorted.length}/${counted} after a ${warmup} s warm-up; p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms (target p99 ≤ 500 ms)\n`,
  );
  socket.close();
  await publisher.disconnect();
  await api.app.close();
  await warning.stop();
  await pool.end();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
