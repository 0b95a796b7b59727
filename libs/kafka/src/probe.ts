import { createKafkaClient } from './kafka-client';

export interface KafkaProbeResult {
  readonly ok: boolean;
  readonly brokers: number;
  readonly topics: number;
  readonly error?: string;
}

/** A real readiness check: a metadata request to the cluster, not a port poke. */
export async function probeKafka(brokers: readonly string[], timeoutMs = 3000): Promise<KafkaProbeResult> {
  const kafka = createKafkaClient({
    brokers,
    clientId: 'fengqiao-probe',
    connectionTimeoutMs: timeoutMs,
    log: () => undefined,
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    const topics = await admin.listTopics();
    return { ok: true, brokers: cluster.brokers.length, topics: topics.length };
  } catch (err) {
    return { ok: false, brokers: 0, topics: 0, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
