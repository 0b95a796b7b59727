import { type FengqiaoConfig } from '@fengqiao/config';
import { alertChangedSchema, type AlertChanged } from '@fengqiao/contracts';
import { createKafkaClient } from '@fengqiao/kafka';
import { pollUntil, uniqueName } from '@fengqiao/testing';

/** Every `alert.changed.v1` a topic receives, read from its beginning by a private group. */
export interface AlertCollector {
  readonly received: AlertChanged[];
  stop(): Promise<void>;
}

export async function collectAlertChanges(config: FengqiaoConfig, topic: string): Promise<AlertCollector> {
  const kafka = createKafkaClient({
    brokers: config.kafka.brokers,
    clientId: uniqueName('collector'),
    log: () => undefined,
  });
  const consumer = kafka.consumer({ groupId: uniqueName('collector') });
  const received: AlertChanged[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      if (message.value !== null)
        received.push(alertChangedSchema.parse(JSON.parse(message.value.toString())));
      return Promise.resolve();
    },
  });
  return { received, stop: () => consumer.disconnect() };
}

/** Polls `probe` until it yields a value (not undefined / false) or `ms` pass. */
export function until<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  ms = 20_000,
): Promise<T> {
  return pollUntil(probe, what, { timeoutMs: ms });
}
