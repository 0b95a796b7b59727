import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKafkaClient, probeKafka } from '@fengqiao/kafka';
import { newKafkaClusterId } from './kafka-cluster-id';
import { ensureKafkaJars } from './kafka-jars';
import { isAlive, portOpen, runOrThrow, sleep, spawnDaemon, stopProcess, tail } from './processes';
import { StackError } from './stack-error';

const NAME = 'kafka-cluster';

/** Where and how big: a private cluster beside (never instead of) the stack's own broker. */
export interface KafkaClusterOptions {
  /** 1 or 3 combined broker+controller nodes (KRaft, static quorum). */
  readonly nodes: number;
  readonly host: string;
  /** Node i listens on basePort + 2i (broker) and basePort + 2i + 1 (controller). */
  readonly basePort: number;
  /** Data, properties and logs of every node live under here. */
  readonly home: string;
  /** The stack's jar cache (`config.stack.cacheDir`): the jars are fetched once for everyone. */
  readonly cacheDir: string;
  readonly heap?: string;
}

/**
 * A KRaft cluster of `nodes` combined nodes with replication `nodes` and min.insync.replicas
 * `min(2, nodes)` (the production promise, ARCHITECTURE.md), whose nodes a test can kill and
 * restart one by one. Replication 3 / min ISR 2 keeps producing with acks=all while one node is down.
 */
export class KafkaCluster {
  private readonly pids = new Map<number, number>();
  private jars = '';

  constructor(private readonly o: KafkaClusterOptions) {}

  /** Node ids, 1-based (Kafka's node.id). */
  get nodeIds(): number[] {
    return Array.from({ length: this.o.nodes }, (_, i) => i + 1);
  }

  get brokers(): string[] {
    return this.nodeIds.map((id) => this.brokerOf(id));
  }

  brokerOf(id: number): string {
    return `${this.o.host}:${this.o.basePort + 2 * (id - 1)}`;
  }

  pidOf(id: number): number | undefined {
    const pid = this.pids.get(id);
    return pid !== undefined && isAlive(pid) ? pid : undefined;
  }

  /** Formats (first time) and starts every node, then waits until the cluster sees all of them. */
  async start(say: (line: string) => void = () => undefined): Promise<void> {
    for (const id of this.nodeIds) {
      for (const port of [this.o.basePort + 2 * (id - 1), this.o.basePort + 2 * (id - 1) + 1]) {
        if (await portOpen(this.o.host, port))
          throw new StackError('PORT_TAKEN', NAME, `port ${port} is taken`, 'choose another base port');
      }
    }
    mkdirSync(this.o.home, { recursive: true });
    this.jars = await ensureKafkaJars(this.o.cacheDir, join(this.o.home, 'jars.log'), say);
    const clusterId = newKafkaClusterId();
    for (const id of this.nodeIds) this.format(id, clusterId);
    for (const id of this.nodeIds) this.spawn(id);
    say(`${NAME}: formatted and started ${this.o.nodes} node(s), waiting for them`);
    await this.waitForBrokers(this.o.nodes, 120_000);
    say(`${NAME}: ${this.o.nodes} node(s) up on ${this.brokers.join(',')}`);
  }

  /** Starts a stopped node again (same data); resolves once the cluster counts it again. */
  async startNode(id: number, timeoutMs = 90_000): Promise<void> {
    if (this.pidOf(id) === undefined) this.spawn(id);
    await this.waitForNode(id, timeoutMs);
  }

  /** SIGKILL (a crash) or SIGTERM (a controlled shutdown) of one node. */
  async stopNode(id: number, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const pid = this.pidOf(id);
    if (pid === undefined) return;
    if (signal === 'SIGTERM') {
      await stopProcess(pid, 30_000);
    } else {
      process.kill(pid, 'SIGKILL');
      while (isAlive(pid)) await sleep(50);
    }
    this.pids.delete(id);
  }

  /** The node leading `topic`'s `partition` now, per the cluster's metadata. */
  async leaderOf(topic: string, partition: number): Promise<number | undefined> {
    const live = this.nodeIds.filter((id) => this.pidOf(id) !== undefined).map((id) => this.brokerOf(id));
    const admin = createKafkaClient({
      brokers: live,
      clientId: 'fq-cluster-probe',
      log: () => undefined,
    }).admin();
    await admin.connect();
    try {
      const meta = await admin.fetchTopicMetadata({ topics: [topic] });
      return meta.topics[0]?.partitions.find((p) => p.partitionId === partition)?.leader;
    } finally {
      await admin.disconnect();
    }
  }

  /** Polls the metadata until `topic`-0 is led by a node other than `gone`; undefined after `timeoutMs`. */
  async leaderOtherThan(topic: string, gone: number, timeoutMs: number): Promise<number | undefined> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const leader = await this.leaderOf(topic, 0).catch(() => undefined);
      if (leader !== undefined && leader !== gone && leader >= 0) return leader;
      await sleep(500);
    }
    return undefined;
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodeIds.map((id) => this.stopNode(id, 'SIGTERM')));
  }

  /** Last lines of a node's log, for failure messages. */
  logTail(id: number, lines = 20): string {
    return tail(this.paths(id).log, lines);
  }

  private paths(id: number) {
    const dir = join(this.o.home, `node-${id}`);
    return {
      dir,
      data: join(dir, 'data'),
      props: join(dir, 'server.properties'),
      log: join(dir, 'kafka.log'),
    };
  }

  private format(id: number, clusterId: string): void {
    const p = this.paths(id);
    mkdirSync(p.data, { recursive: true });
    writeFileSync(p.props, this.properties(id));
    if (existsSync(join(p.data, 'meta.properties'))) return;
    const args = [
      '-cp',
      `${this.jars}/*`,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      p.props,
    ];
    runOrThrow(NAME, 'java', args, `remove ${p.dir} and try again`);
  }

  private spawn(id: number): void {
    const p = this.paths(id);
    const log4j = join(__dirname, '..', 'kafka', 'log4j2.properties');
    const pid = spawnDaemon(
      'java',
      [
        `-Xmx${this.o.heap ?? '384m'}`,
        '-Xms128m',
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        `-Dlog4j2.configurationFile=${log4j}`,
        '-cp',
        `${this.jars}/*`,
        'kafka.Kafka',
        p.props,
      ],
      p.log,
    );
    this.pids.set(id, pid);
  }

  private properties(id: number): string {
    const { host, basePort, nodes } = this.o;
    const port = basePort + 2 * (id - 1);
    const voters = this.nodeIds.map((n) => `${n}@${host}:${basePort + 2 * (n - 1) + 1}`).join(',');
    const minIsr = Math.min(2, nodes);
    return [
      'process.roles=broker,controller',
      `node.id=${id}`,
      `controller.quorum.voters=${voters}`,
      `listeners=PLAINTEXT://${host}:${port},CONTROLLER://${host}:${port + 1}`,
      `advertised.listeners=PLAINTEXT://${host}:${port}`,
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      `log.dirs=${this.paths(id).data}`,
      'auto.create.topics.enable=false',
      `default.replication.factor=${nodes}`,
      `min.insync.replicas=${minIsr}`,
      // Kafka's default, stated: only an in-sync (or, with KRaft's eligible leader replicas, on by
      // default in 4.1, an ELR) replica may lead, so an acks=all write survives a leader's loss.
      'unclean.leader.election.enable=false',
      `offsets.topic.replication.factor=${nodes}`,
      'offsets.topic.num.partitions=6',
      `transaction.state.log.replication.factor=${nodes}`,
      `transaction.state.log.min.isr=${minIsr}`,
      `share.coordinator.state.topic.replication.factor=${nodes}`,
      `share.coordinator.state.topic.min.isr=${minIsr}`,
      'group.initial.rebalance.delay.ms=0',
      // A killed node's replicas leave the ISR after this long; the default 30 s would stall acks=all.
      'replica.lag.time.max.ms=10000',
      '',
    ].join('\n');
  }

  private async waitForNode(id: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const pid = this.pids.get(id);
      if (pid === undefined || !isAlive(pid))
        throw new StackError('START_FAILED', NAME, `node ${id} exited:\n${this.logTail(id)}`, 'read its log');
      if ((await probeKafka([this.brokerOf(id)], 2000)).ok) return;
      await sleep(500);
    }
    throw new StackError(
      'NOT_READY',
      NAME,
      `node ${id} did not answer:\n${this.logTail(id)}`,
      'read its log',
    );
  }

  private async waitForBrokers(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (const id of this.nodeIds) await this.waitForNode(id, Math.max(1000, deadline - Date.now()));
    while (Date.now() < deadline) {
      const probe = await probeKafka(this.brokers, 2000);
      if (probe.ok && probe.brokers >= count) return;
      await sleep(500);
    }
    throw new StackError('NOT_READY', NAME, `fewer than ${count} brokers registered`, 'read the node logs');
  }
}
