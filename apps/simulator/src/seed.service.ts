import { INPUT_TOPICS, allTopicSpecs } from '@fengqiao/contracts';
import { type DbPool } from '@fengqiao/db';
import { allRegions, type DemoCity } from '@fengqiao/geo';
import { KafkaEventPublisher, ensureTopics } from '@fengqiao/kafka';
import { type Kafka } from 'kafkajs';
import { DEMO_REGISTERED_AT, publishRegistry, registryHighWater } from './registry-publisher';
import { RegistryRepository } from './registry.repository';

export interface SeedOptions {
  /** Rewrite and re-produce even what is already there. */
  readonly force?: boolean;
  /** The registry topic (tests use their own). */
  readonly registryTopic?: string;
}

export interface SeedResult {
  readonly regionsWritten: number;
  readonly camerasWritten: number;
  readonly camerasProduced: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Writes the demo regions and cameras, and produces the registry; skips whatever already exists. */
export class SeedService {
  private readonly repo: RegistryRepository;

  constructor(
    pool: DbPool,
    private readonly kafka: Kafka | undefined,
    private readonly say: (line: string) => void,
  ) {
    this.repo = new RegistryRepository(pool);
  }

  async run(city: DemoCity, options: SeedOptions = {}): Promise<SeedResult> {
    const regionsWritten = await this.seedRegions(city, options.force === true);
    const camerasWritten = await this.seedCameras(city, options.force === true);
    // A registry that changed in the database must reach the topic too, whatever the topic holds.
    const camerasProduced =
      this.kafka === undefined
        ? 0
        : await this.produceRegistry(this.kafka, city, options, camerasWritten > 0);
    return { regionsWritten, camerasWritten, camerasProduced };
  }

  private async seedRegions(city: DemoCity, force: boolean): Promise<number> {
    const regions = allRegions(city.hierarchy);
    const pruned = await this.repo.pruneRegions(regions.map((r) => r.code));
    if (pruned > 0) this.say(`seed: regions: ${fmt(pruned)} left over from an earlier city removed`);
    const present = await this.repo.countRegions(regions.map((r) => r.code));
    if (present === regions.length && !force) {
      this.say(`seed: regions: all ${fmt(regions.length)} present, skipped`);
      return 0;
    }
    await this.repo.upsertRegions(regions, (n) => this.say(`seed: regions ${fmt(n)}/${fmt(regions.length)}`));
    return regions.length;
  }

  private async seedCameras(city: DemoCity, force: boolean): Promise<number> {
    const ids = city.cameras.map((c) => c.cameraId);
    const pruned = await this.repo.pruneDemoCameras(ids, DEMO_REGISTERED_AT);
    if (pruned > 0) this.say(`seed: cameras: ${fmt(pruned)} left over from an earlier demo registry removed`);
    const existing = force ? new Set<string>() : await this.repo.existingCameraIds(ids);
    const missing = city.cameras.filter((c) => !existing.has(c.cameraId));
    if (missing.length === 0) {
      this.say(`seed: cameras: all ${fmt(city.cameras.length)} present, skipped`);
      return 0;
    }
    await this.repo.insertCameras(missing, DEMO_REGISTERED_AT, (n) =>
      this.say(`seed: cameras ${fmt(n)}/${fmt(missing.length)} written`),
    );
    return missing.length;
  }

  private async produceRegistry(
    kafka: Kafka,
    city: DemoCity,
    options: SeedOptions,
    changed: boolean,
  ): Promise<number> {
    const topic = options.registryTopic ?? INPUT_TOPICS.cameraRegistry.name;
    if (options.registryTopic === undefined) await ensureTopics(kafka, allTopicSpecs());
    const already = await registryHighWater(kafka, topic);
    if (already >= city.cameras.length && !changed && options.force !== true) {
      this.say(`seed: registry topic already holds ${fmt(already)} messages, skipped`);
      return 0;
    }
    const publisher = new KafkaEventPublisher(kafka);
    await publisher.connect();
    try {
      await publishRegistry(
        publisher,
        city.cameras,
        (n) => {
          if (n % 10_000 === 0 || n === city.cameras.length)
            this.say(`seed: registry ${fmt(n)}/${fmt(city.cameras.length)} produced`);
        },
        topic,
      );
    } finally {
      await publisher.disconnect();
    }
    return city.cameras.length;
  }
}
