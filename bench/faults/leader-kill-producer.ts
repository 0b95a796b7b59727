import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { createKafkaClient, KafkaEventPublisher } from '@fengqiao/kafka';
import { KafkaCluster } from '@fengqiao/stack';
import { type Kafka, type Producer } from 'kafkajs';

/**
 * Acknowledged-but-lost records under a leader SIGKILL (issue 17), per producer, printed figures:
 *   node -r @swc-node/register bench/faults/leader-kill-producer.ts [--batch 10] [--tick-ms 50]
 *     [--down-ms 10000] [--base-port 39411] [--skip verifiable]
 * Starts the project's private 3-node KRaft cluster (tools/stack KafkaCluster, the fault tier's
 * component: replication 3, min.insync.replicas 2) under /tmp/fq-stack-leaderkill-<pid>, one topic
 * per producer (12 partitions like video.camera-status.reported.v1), and produces numbered keyed
 * records (60 keys, batches of --batch records, like the fault tier's load producer) continuously with:
 *   publisher    libs/kafka KafkaEventPublisher as production configures it
 *   raw-idem     a raw kafkajs producer, idempotent: true, maxInFlightRequests: 1
 *   raw-default  the fault tier's LoadProducer config (kafkajs defaults, retries 3)
 *   verifiable   Kafka's own VerifiableProducer (Java client 4.1.1, acks=all, one record per send);
 *                needs kafka-tools-4.1.1.jar: `mvn dependency:get -Dartifact=org.apache.kafka:kafka-tools:4.1.1
 *                -Dtransitive=false` (or FQ_KAFKA_TOOLS_JAR)
 * A send that fails is retried whole after 500 ms; a record counts as acknowledged once its send
 * resolved. The fault is the tier's: SIGKILL the leader of partition 0, wait for another leader,
 * keep it down --down-ms, restart it, 5 s later SIGKILL the replacement leader, the same again.
 * Then every topic is read to its end: acknowledged-but-missing and duplicates per producer.
 */

const { values: args } = parseArgs({
  options: {
    batch: { type: 'string', default: '10' },
    'tick-ms': { type: 'string', default: '50' },
    'down-ms': { type: 'string', default: '10000' },
    'base-port': { type: 'string', default: '39411' },
    skip: { type: 'string', default: '' },
  },
});
const BATCH = Number(args.batch);
const TICK_MS = Number(args['tick-ms']);
const DOWN_MS = Number(args['down-ms']);
const PARTITIONS = 12;
const KEYS = 60;
const HOME = `/tmp/fq-stack-leaderkill-${process.pid}`;
const skip = new Set((args.skip ?? '').split(',').filter(Boolean));

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const say = (line: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}`);

interface Tally {
  readonly name: string;
  readonly topic: string;
  readonly acked: Set<string>;
  attempts: number;
  failedSends: number;
  /** The client's warnings and errors (kafkajs log, VerifiableProducer send errors). */
  readonly warnings: string[];
}

function tally(name: string): Tally {
  return { name, topic: `lk.${name}`, acked: new Set(), attempts: 0, failedSends: 0, warnings: [] };
}

function client(brokers: string[], t: Tally, retries?: number): Kafka {
  return createKafkaClient({
    brokers,
    clientId: `lk-${t.name}`,
    retries,
    log: (level, message) => {
      if (level !== 'info') t.warnings.push(message);
    },
  });
}

type Send = (messages: { key: string; value: string }[]) => Promise<void>;

/** Produces batches of numbered records until `stop.now`; records what was acknowledged. */
async function produceLoop(t: Tally, send: Send, stop: { now: boolean }): Promise<void> {
  let n = 0;
  while (!stop.now) {
    const started = Date.now();
    const batch = Array.from({ length: BATCH }, (_, i) => ({
      key: `cam-${(n + i) % KEYS}`,
      value: `${n + i}`,
    }));
    n += BATCH;
    for (;;) {
      t.attempts += 1;
      try {
        await send(batch);
        for (const m of batch) t.acked.add(m.value);
        break;
      } catch {
        t.failedSends += 1;
        await sleep(500);
      }
    }
    await sleep(Math.max(0, TICK_MS - (Date.now() - started)));
  }
}

function toolsJar(): string {
  const jar =
    process.env.FQ_KAFKA_TOOLS_JAR ??
    join(homedir(), '.m2/repository/org/apache/kafka/kafka-tools/4.1.1/kafka-tools-4.1.1.jar');
  if (!existsSync(jar)) throw new Error(`no ${jar}: see the header of this file`);
  return jar;
}

/** Kafka's VerifiableProducer: one JSON line per acknowledged record on stdout. */
function startVerifiable(brokers: string[], t: Tally, cacheDir: string): ChildProcess {
  const rate = Math.round((BATCH * 1000) / TICK_MS);
  const child = spawn(
    'java',
    [
      '-Xmx128m',
      '-XX:+UseSerialGC',
      `-Dlog4j2.configurationFile=${join(__dirname, '..', '..', 'tools', 'stack', 'kafka', 'log4j2.properties')}`,
      '-cp',
      `${join(cacheDir, 'kafka-4.1.1')}/*:${toolsJar()}`,
      'org.apache.kafka.tools.VerifiableProducer',
      '--bootstrap-server',
      brokers.join(','),
      '--topic',
      t.topic,
      '--acks',
      '-1',
      '--throughput',
      String(rate),
      '--max-messages',
      '-1',
      '--repeating-keys',
      String(KEYS),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      const e = JSON.parse(line) as { name?: string; value?: string; exception?: string };
      if (e.name === 'producer_send_success' && e.value !== undefined) t.acked.add(e.value);
      if (e.name === 'producer_send_error') {
        t.failedSends += 1;
        t.warnings.push(e.exception ?? 'send error');
      }
    } catch {
      // not a JSON line
    }
  });
  child.stderr.pipe(createWriteStream(join(HOME, 'verifiable.log')));
  child.once('exit', (code) => say(`VerifiableProducer exited (${code})`));
  return child;
}

/** The fault tier's killLeaderThenReplacement, timed: SIGKILL, election, restart, twice. */
async function killLeaderThenReplacement(cluster: KafkaCluster, topic: string): Promise<void> {
  let gone = await cluster.leaderOf(topic, 0);
  for (const round of [1, 2]) {
    if (gone === undefined) throw new Error(`no leader for ${topic}-0`);
    const killedAt = Date.now();
    await cluster.stopNode(gone, 'SIGKILL');
    say(`SIGKILL node ${gone} (leader of ${topic}-0), round ${round}`);
    const next = await cluster.leaderOtherThan(topic, gone, 60_000);
    say(`new leader of ${topic}-0: node ${next} after ${Date.now() - killedAt} ms`);
    await sleep(Math.max(0, killedAt + DOWN_MS - Date.now()));
    await cluster.startNode(gone);
    say(`node ${gone} restarted (same data dir)`);
    gone = next;
    if (round === 1) await sleep(5000);
  }
}

/** Every record of `topic`, read to the end offsets as of now: value → times seen. */
async function readAll(brokers: string[], topic: string): Promise<Map<string, number>> {
  const kafka = createKafkaClient({ brokers, clientId: 'lk-reader', log: () => undefined });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
  await admin.disconnect();
  const seen = new Map<string, number>();
  const pending = new Set([...ends].filter(([, high]) => high > 0).map(([p]) => p));
  const consumer = kafka.consumer({ groupId: `lk-reader-${topic}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
  if (pending.size === 0) done();
  await consumer.run({
    eachBatch: ({ batch }) => {
      for (const m of batch.messages) {
        const v = m.value?.toString() ?? '';
        seen.set(v, (seen.get(v) ?? 0) + 1);
        if (Number(m.offset) + 1 >= (ends.get(batch.partition) ?? 0)) pending.delete(batch.partition);
      }
      if (pending.size === 0) done();
      return Promise.resolve();
    },
  });
  await Promise.race([finished, sleep(120_000)]);
  await consumer.disconnect();
  if (pending.size > 0)
    throw new Error(`${topic}: partitions ${[...pending].join(',')} not read to their end`);
  return seen;
}

function report(t: Tally, seen: Map<string, number>): void {
  const missing = [...t.acked].filter((v) => !seen.has(v)).sort((a, b) => Number(a) - Number(b));
  const dups = [...seen].filter(([, c]) => c > 1);
  const unacked = [...seen.keys()].filter((v) => !t.acked.has(v)).length;
  const batches = new Set(missing.map((v) => Math.floor(Number(v) / BATCH)));
  console.log(
    `RESULT ${t.name.padEnd(11)} acked ${String(t.acked.size).padStart(6)}  in topic ${String(seen.size).padStart(6)}` +
      `  ACKED-BUT-MISSING ${String(missing.length).padStart(4)}  duplicated ${String(dups.length).padStart(4)}` +
      `  in topic not acked ${unacked}  failed sends ${t.failedSends}  client warnings ${t.warnings.length}`,
  );
  if (missing.length > 0) {
    console.log(`  missing: ${missing.slice(0, 40).join(',')}${missing.length > 40 ? ' …' : ''}`);
    if (t.name !== 'verifiable')
      for (const b of [...batches].slice(0, 10)) {
        const members = Array.from({ length: BATCH }, (_, i) => String(b * BATCH + i));
        const lost = members.filter((v) => !seen.has(v));
        console.log(
          `  batch ${b}: ${lost.length} of ${BATCH} missing (${lost.map((v) => `cam-${Number(v) % KEYS}`).join(',')}), the rest stored`,
        );
      }
  }
  const kinds = new Map<string, number>();
  for (const w of t.warnings) {
    const k = w.slice(0, 90);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  for (const [k, c] of kinds) console.log(`  warn ×${c}: ${k}`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  mkdirSync(HOME, { recursive: true });
  const cluster = new KafkaCluster({
    nodes: 3,
    host: '127.0.0.1',
    basePort: Number(args['base-port']),
    home: HOME,
    cacheDir: config.stack.cacheDir,
  });
  const leftovers = (): void => {
    for (const id of cluster.nodeIds) {
      const pid = cluster.pidOf(id);
      if (pid !== undefined) process.kill(pid, 'SIGKILL');
    }
  };
  process.once('exit', leftovers);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const stop = { now: false };
  let verifiable: ChildProcess | undefined;
  try {
    await cluster.start(say);
    const brokers = cluster.brokers;
    const tallies = ['publisher', 'raw-idem', 'raw-default', 'verifiable']
      .filter((n) => !skip.has(n))
      .map(tally);
    const admin = createKafkaClient({ brokers, clientId: 'lk-admin', log: () => undefined }).admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: tallies.map((t) => ({
        topic: t.topic,
        numPartitions: PARTITIONS,
        replicationFactor: 3,
        configEntries: [{ name: 'min.insync.replicas', value: '2' }],
      })),
    });
    await admin.disconnect();
    say(`topics ${tallies.map((t) => t.topic).join(', ')}: ${PARTITIONS} partitions, RF 3, min ISR 2`);

    const loops: Promise<void>[] = [];
    const producers: Producer[] = [];
    let publisher: KafkaEventPublisher | undefined;
    for (const t of tallies) {
      if (t.name === 'publisher') {
        publisher = new KafkaEventPublisher(client(brokers, t));
        await publisher.connect();
        const p = publisher;
        loops.push(produceLoop(t, (m) => p.publish(t.topic, m), stop));
      } else if (t.name === 'verifiable') {
        verifiable = startVerifiable(brokers, t, config.stack.cacheDir);
      } else {
        const producer =
          t.name === 'raw-idem'
            ? client(brokers, t).producer({ idempotent: true, maxInFlightRequests: 1 })
            : client(brokers, t, 3).producer({ allowAutoTopicCreation: false });
        await producer.connect();
        producers.push(producer);
        loops.push(
          produceLoop(t, (m) => producer.send({ topic: t.topic, acks: -1, messages: m }).then(), stop),
        );
      }
    }
    say(`producing ${BATCH} records every ${TICK_MS} ms per producer`);
    const progress = setInterval(
      () => say(tallies.map((t) => `${t.name} ${t.acked.size} acked/${t.failedSends} failed`).join(', ')),
      5000,
    );
    await sleep(8000);
    await killLeaderThenReplacement(cluster, tallies[0]!.topic);
    await sleep(8000);
    stop.now = true;
    // A send kafkajs never settles would hold its loop forever: give the loops a minute.
    const settled = await Promise.race([
      Promise.all(loops).then(() => true),
      sleep(60_000).then(() => false),
    ]);
    if (!settled) say('a producer loop did not stop within 60 s (a send never settled)');
    clearInterval(progress);
    if (verifiable !== undefined) {
      const exited = new Promise((r) => verifiable?.once('exit', r));
      verifiable.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
    }
    await Promise.race([
      Promise.all([publisher?.disconnect(), ...producers.map((p) => p.disconnect())]),
      sleep(15_000),
    ]);
    say('producers stopped; reading every topic to its end');
    for (const t of tallies) report(t, await readAll(brokers, t.topic));
    for (const id of cluster.nodeIds) {
      const log = readFileSync(join(HOME, `node-${id}`, 'kafka.log'), 'utf8');
      const trunc = (log.match(/Truncating|truncat/g) ?? []).length;
      const unclean = (log.match(/[Uu]nclean/g) ?? []).length;
      console.log(`node ${id} log: ${trunc} truncation line(s), ${unclean} mentioning unclean election`);
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; logs in ${HOME}`,
    );
  } finally {
    stop.now = true;
    verifiable?.kill('SIGKILL');
    await cluster.stop();
    process.removeListener('exit', leftovers);
    if (process.env.FQ_KEEP_LOGS !== '1') rmSync(join(HOME), { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
