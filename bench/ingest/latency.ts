import { randomUUID } from 'node:crypto';
import { type FengqiaoConfig } from '@fengqiao/config';
import { createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { Partitioners } from 'kafkajs';
import { createIngestApp } from '../../apps/ingest/src/ingest-app';
import { ingestTopics, topicSpecsOf } from '../../apps/ingest/src/ingest-topics';
import { mixedEvent, quantile } from './bench-env';

const TICK_MS = 100;
const WARMUP_MS = 2000;

/**
 * p50/p99 from occurredAt (stamped when the producer builds the event) to the database commit
 * (the rules port is called right after it), at a steady `rate` events/s for `durationS`.
 */
export async function measureLatency(
  config: FengqiaoConfig,
  rate: number,
  durationS: number,
): Promise<{ p50: number; p99: number; max: number; samples: number }> {
  const suffix = `bench-${randomUUID().slice(0, 8)}`;
  const topics = ingestTopics(suffix);
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'bench-latency' });
  await ensureTopics(kafka, topicSpecsOf(topics));
  const latencies: number[] = [];
  let measuring = false;
  const app = createIngestApp(config, {
    topicSuffix: suffix,
    groupId: `bench-latency-${suffix}`,
    port: 0,
    sink: {
      onEvents: (batch) => {
        const now = Date.now();
        if (measuring) for (const e of batch) latencies.push(now - Date.parse(e.event.occurredAt));
        return Promise.resolve();
      },
    },
  });
  await app.start();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const target = {
    status: topics.byKind.cameraStatus,
    analytics: topics.byKind.cameraAnalytics,
    case: topics.byKind.case,
  };
  const t0 = Date.now();
  let seq = 0;
  while (Date.now() - t0 < durationS * 1000 + WARMUP_MS) {
    measuring = Date.now() - t0 > WARMUP_MS;
    const at = new Date().toISOString();
    const events = Array.from({ length: Math.round((rate * TICK_MS) / 1000) }, () => mixedEvent(seq++, at));
    await producer.sendBatch({
      topicMessages: (['status', 'analytics', 'case'] as const).map((k) => ({
        topic: target[k],
        messages: events.filter((e) => e.kind === k).map((e) => ({ key: e.key, value: e.value })),
      })),
    });
    await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - ((Date.now() - t0) % TICK_MS))));
  }
  await new Promise((r) => setTimeout(r, 1000));
  await producer.disconnect();
  await app.stop();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
    samples: sorted.length,
  };
}
