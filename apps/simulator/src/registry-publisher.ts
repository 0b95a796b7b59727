import { INPUT_TOPICS, type CameraRegistered } from '@fengqiao/contracts';
import { type CameraSpec } from '@fengqiao/geo';
import { topicHighWater, type KafkaEventPublisher } from '@fengqiao/kafka';
import { type Kafka } from 'kafkajs';
import { uuidV5 } from './uuid-v5';

/** The instant the demo registry claims its cameras were registered (fixed: same message every run). */
export const DEMO_REGISTERED_AT = '2026-01-01T00:00:00.000+08:00';

const BATCH = 1_000;

export function registeredMessage(camera: CameraSpec, registeredAt = DEMO_REGISTERED_AT): CameraRegistered {
  return {
    schema: 'camera.registered.v1',
    eventId: uuidV5(`registered/${camera.cameraId}/${registeredAt}`),
    occurredAt: registeredAt,
    ...camera,
  };
}

/** Messages in the registry topic so far (sum of its partitions' high watermarks). */
export function registryHighWater(
  kafka: Kafka,
  topic: string = INPUT_TOPICS.cameraRegistry.name,
): Promise<number> {
  return topicHighWater(kafka, topic);
}

/** Produces the registry as camera.registered.v1, keyed by camera id, in batches. */
export async function publishRegistry(
  publisher: KafkaEventPublisher,
  cameras: readonly CameraSpec[],
  progress: (done: number) => void,
  topic: string = INPUT_TOPICS.cameraRegistry.name,
): Promise<void> {
  for (let i = 0; i < cameras.length; i += BATCH) {
    const part = cameras.slice(i, i + BATCH);
    await publisher.publish(
      topic,
      part.map((c) => ({ key: c.cameraId, value: JSON.stringify(registeredMessage(c)) })),
    );
    progress(i + part.length);
  }
}
