import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type FengqiaoConfig } from '@fengqiao/config';
import { OUTPUT_TOPICS, allTopicSpecs } from '@fengqiao/contracts';
import { createKafkaClient } from '@fengqiao/kafka';
import { KafkaCluster, migrateDatabase, postgresComponent } from '@fengqiao/stack';
import { freePort } from '@fengqiao/testing';

/**
 * The fault tier's own PostgreSQL and Kafka: a private server and a private cluster (own ports,
 * own folders under /tmp) that it may restart, cut and kill without touching the shared stack.
 */
export interface FaultInfra {
  /** The private server's config (its URL is direct; apps go through the harness's proxy). */
  readonly pg: FengqiaoConfig;
  readonly kafka: KafkaCluster;
  restartPostgres(): Promise<void>;
  stop(): Promise<void>;
}

const quiet = (): void => undefined;

export async function startFaultInfra(brokers: number, say: (line: string) => void): Promise<FaultInfra> {
  const shared = loadConfig();
  const home = mkdtempSync(join(tmpdir(), 'fq-faults-'));
  chmodSync(home, 0o755); // the embedded server runs as the postgres user when we are root
  const { DATABASE_URL: _db, FQ_KAFKA_BROKERS: _k, ...env } = process.env;
  const own = loadConfig({ ...env, FQ_HOME: home, FQ_PG_PORT: String(await freePort()) });
  // The jars and any built extension are fetched once, into the shared cache.
  const pg: FengqiaoConfig = { ...own, stack: { ...own.stack, cacheDir: shared.stack.cacheDir } };
  for (const dir of [pg.stack.dataDir, pg.stack.logDir, pg.stack.runDir]) mkdirSync(dir, { recursive: true });
  // A run killed half-way (a jest timeout, even one during this start-up: the beforeAll gives up
  // but the start goes on) must not leave a broker and a server behind: registered before anything
  // starts, it kills whatever cluster attempt and server exist when the test process exits.
  let cluster: KafkaCluster | undefined;
  const leftovers = (): void => {
    for (const id of cluster?.nodeIds ?? []) {
      const pid = cluster?.pidOf(id);
      if (pid !== undefined) process.kill(pid, 'SIGKILL');
    }
    const postmaster = join(pg.stack.dataDir, 'postgres', 'postmaster.pid');
    const pid = existsSync(postmaster) ? Number(readFileSync(postmaster, 'utf8').split('\n')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGQUIT');
  };
  process.once('exit', leftovers);
  const kafka = await startCluster(brokers, home, shared.stack.cacheDir, say, (c) => (cluster = c)).catch(
    (err: unknown) => {
      process.removeListener('exit', leftovers);
      throw err;
    },
  );
  try {
    await postgresComponent.up(pg, say);
    await migrateDatabase(pg.postgres.url, 'up', quiet);
    await createTopics(kafka, brokers);
    say('schema migrated, topics created');
  } catch (err) {
    process.removeListener('exit', leftovers);
    await kafka.stop();
    await postgresComponent.down(pg, quiet);
    throw err;
  }
  return {
    pg,
    kafka,
    restartPostgres: async () => {
      await postgresComponent.down(pg, quiet);
      await postgresComponent.up(pg, quiet);
    },
    stop: async () => {
      process.removeListener('exit', leftovers);
      await kafka.stop();
      await postgresComponent.down(pg, quiet);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

async function startCluster(
  nodes: number,
  home: string,
  cacheDir: string,
  say: (line: string) => void,
  attempting: (cluster: KafkaCluster) => void,
): Promise<KafkaCluster> {
  for (let attempt = 0; ; attempt++) {
    const basePort = 29_000 + Math.floor(Math.random() * 180) * 5;
    const cluster = new KafkaCluster({
      nodes,
      host: '127.0.0.1',
      basePort,
      home: join(home, 'kafka'),
      cacheDir,
    });
    attempting(cluster);
    try {
      await cluster.start(say);
      return cluster;
    } catch (err) {
      await cluster.stop();
      if (attempt >= 2 || !(err instanceof Error && /PORT_TAKEN|taken/.test(err.message))) throw err;
    }
  }
}

/** Every topic with the production replication (`nodes`, min ISR 2): the apps then find them made. */
async function createTopics(cluster: KafkaCluster, nodes: number): Promise<void> {
  const admin = createKafkaClient({
    brokers: cluster.brokers,
    clientId: 'fq-faults-admin',
    log: quiet,
  }).admin();
  await admin.connect();
  try {
    const specs = [...allTopicSpecs(), ...Object.values(OUTPUT_TOPICS)];
    await admin.createTopics({
      waitForLeaders: true,
      topics: specs.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions,
        replicationFactor: nodes,
        configEntries: [
          { name: 'cleanup.policy', value: t.compacted ? 'compact' : 'delete' },
          { name: 'retention.ms', value: String(t.retentionMs) },
          { name: 'min.insync.replicas', value: String(Math.min(2, nodes)) },
        ],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
