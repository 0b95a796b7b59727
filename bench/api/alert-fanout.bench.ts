/**
 * Event in Kafka → alert on 200 Socket.IO clients, through the real API (consumer, fan-out, rooms),
 * at 100 alert updates per second.
 *   node -r @swc-node/register bench/api/alert-fanout.bench.ts --duration 10 --clients 200 --rate 100
 * Targets (issue 5): p99 Kafka → client ≤ 500 ms; p99 delivery at this fan-out ≤ 250 ms.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, type AlertChanged, type TokenPair } from '@fengqiao/contracts';
import { createKafkaClient, KafkaEventPublisher } from '@fengqiao/kafka';
import { anAlert } from '../../apps/api/src/testing/alert-fixtures';
import { benchApiDatabase, percentile, startBenchApi } from './bench-api-env';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

async function connectAll(
  url: string,
  token: string,
  n: number,
  onChange: (c: AlertChanged) => void,
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i += 1) {
    const s = io(`${url}${LIVE_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    s.on('alert.changed', onChange);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    sockets.push(s);
  }
  return sockets;
}

async function main(): Promise<void> {
  const seconds = arg('duration', 10);
  const clients = arg('clients', 200);
  const rate = arg('rate', 100);
  const { config, pool } = await benchApiDatabase();
  const topic = `bench.alert.changed.${randomUUID().slice(0, 8)}`;
  const api = await startBenchApi(config, { alertsTopic: topic });
  const login = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'wall', password: 'wall-demo-2026' }),
  });
  const token = ((await login.json()) as TokenPair).accessToken;
  const latencies: number[] = [];
  const sockets = await connectAll(api.url, token, clients, (c) =>
    latencies.push(Date.now() - Date.parse(c.occurredAt)),
  );
  const publisher = new KafkaEventPublisher(
    createKafkaClient({ brokers: config.kafka.brokers, clientId: 'bench-api-fanout' }),
  );
  await publisher.connect();
  const total = Math.round(seconds * rate);
  const started = Date.now();
  for (let i = 0; i < total; i += 1) {
    const alert = anAlert({}, i % 10 === 0 ? 'red' : 'orange');
    const change: AlertChanged = {
      schema: 'alert.changed.v1',
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      seq: i + 1,
      change: 'raised',
      alert,
    };
    await publisher.publish(topic, [{ key: alert.alertId, value: JSON.stringify(change) }]);
    const due = started + ((i + 1) * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  }
  const deadline = Date.now() + 10_000;
  while (latencies.length < total * clients && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const sorted = [...latencies].sort((a, b) => a - b);
  process.stdout.write(
    `${clients} clients, ${total} alert changes at ${rate}/s over ${seconds} s\n` +
      `delivered ${latencies.length} of ${total * clients} (${((latencies.length / (total * clients)) * 100).toFixed(2)}%)\n` +
      `Kafka → client latency: p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted[sorted.length - 1]} ms\n`,
  );
  for (const s of sockets) s.disconnect();
  await publisher.disconnect();
  await api.app.close();
  await pool.end();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
