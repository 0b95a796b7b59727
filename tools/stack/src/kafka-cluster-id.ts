import { randomBytes } from 'node:crypto';

/**
 * A new KRaft cluster id: 16 random bytes, base64url, as `kafka-storage random-uuid` makes them, and
 * like Kafka's own `Uuid.randomUuid()` never one that starts with '-': `kafka-storage format -t
 * -abc…` reads such an id as an option and refuses ("argument --cluster-id/-t: expected one
 * argument"), which failed a clean-clone CI's stack start (1 id in 64 starts with '-').
 */
export function newKafkaClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
