import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { allTopicSpecs } from '@fengqiao/contracts';
import { createKafkaClient, ensureTopics, probeKafka } from '@fengqiao/kafka';
import { type ComponentStatus, type StackComponent } from './component';
import { newKafkaClusterId } from './kafka-cluster-id';
import { ensureKafkaJars } from './kafka-jars';
import {
  isAlive,
  portOpen,
  readPid,
  removePid,
  runOrThrow,
  sleep,
  spawnDaemon,
  stopProcess,
  tail,
  writePid,
} from './processes';
import { StackError } from './stack-error';

const NAME = 'kafka';

function paths(config: FengqiaoConfig) {
  return {
    data: join(config.stack.dataDir, 'kafka'),
    props: join(config.stack.runDir, 'kafka.properties'),
    pid: join(config.stack.runDir, 'kafka.pid'),
    log: join(config.stack.logDir, 'kafka.log'),
    log4j: join(__dirname, '..', 'kafka', 'log4j2.properties'),
  };
}

function serverProperties(config: FengqiaoConfig, dataDir: string): string {
  const { host } = config;
  const { port, controllerPort } = config.kafka;
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=${host}:${controllerPort}`,
    `listeners=PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://${host}:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=6',
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=12',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'message.max.bytes=1048576',
    '',
  ].join('\n');
}

async function waitReady(
  config: FengqiaoConfig,
  pid: number,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new StackError(
        'START_FAILED',
        NAME,
        `the broker exited during start-up. Last log lines:\n${tail(logFile, 12)}`,
        'read the log; a corrupt data folder can be reset with `npm run stack -- reset kafka`',
        logFile,
      );
    }
    const probe = await probeKafka(config.kafka.brokers, 2000);
    if (probe.ok) return;
    last = probe.error ?? '';
    await sleep(500);
  }
  throw new StackError(
    'NOT_READY',
    NAME,
    `no metadata answer within ${timeoutMs / 1000}s (${last})`,
    'read the log; the machine may be overloaded',
    logFile,
  );
}

export const kafkaComponent: StackComponent = {
  name: NAME,

  async up(config, say) {
    const p = paths(config);
    if (!config.kafka.embedded) {
      const probe = await probeKafka(config.kafka.brokers);
      if (!probe.ok)
        throw new StackError(
          'NOT_READY',
          NAME,
          `external brokers ${config.kafka.brokers.join(',')} do not answer: ${probe.error}`,
          'check FQ_KAFKA_BROKERS',
        );
    } else {
      const running = readPid(p.pid);
      if (running !== undefined && isAlive(running)) {
        say(`kafka: already running (pid ${running})`);
      } else {
        for (const port of [config.kafka.port, config.kafka.controllerPort]) {
          if (await portOpen(config.host, port)) {
            throw new StackError(
              'PORT_TAKEN',
              NAME,
              `port ${port} on ${config.host} is taken by another process`,
              'stop that process, or choose other ports with FQ_KAFKA_PORT / FQ_KAFKA_CONTROLLER_PORT',
            );
          }
        }
        const jars = await ensureKafkaJars(config.stack.cacheDir, p.log, say);
        mkdirSync(p.data, { recursive: true });
        writeFileSync(p.props, serverProperties(config, p.data));
        const classpath = `${jars}/*`;
        if (!existsSync(join(p.data, 'meta.properties'))) {
          say('kafka: formatting the KRaft storage (first run)');
          const clusterId = newKafkaClusterId();
          runOrThrow(
            NAME,
            'java',
            [
              '-cp',
              classpath,
              'kafka.tools.StorageTool',
              'format',
              '--standalone',
              '-t',
              clusterId,
              '-c',
              p.props,
            ],
            'remove .stack/data/kafka and try again',
          );
        }
        const pid = spawnDaemon(
          'java',
          [
            `-Xmx${config.kafka.heap}`,
            '-Xms256m',
            '-XX:+UseG1GC',
            `-Dlog4j2.configurationFile=${p.log4j}`,
            '-cp',
            classpath,
            'kafka.Kafka',
            p.props,
          ],
          p.log,
        );
        writePid(p.pid, pid);
        say(
          `kafka: started broker (pid ${pid}), waiting for a metadata answer on ${config.kafka.brokers.join(',')}`,
        );
        await waitReady(config, pid, p.log, 90_000);
      }
    }
    const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'fengqiao-stack' });
    // Replicas and min.insync.replicas from config: 1/1 on the embedded broker, 3/2 in production.
    const created = await ensureTopics(kafka, allTopicSpecs(), config.tuning.kafka);
    say(`kafka: ready; topics ${created.length > 0 ? `created: ${created.join(', ')}` : 'all present'}`);
  },

  async down(config, say) {
    const p = paths(config);
    const pid = readPid(p.pid);
    if (pid === undefined || !config.kafka.embedded) {
      say('kafka: not running');
      return;
    }
    const how = await stopProcess(pid, 30_000);
    removePid(p.pid);
    say(`kafka: ${how === 'absent' ? 'was not running' : how}`);
  },

  async status(config): Promise<ComponentStatus> {
    const p = paths(config);
    const probe = await probeKafka(config.kafka.brokers, 2000);
    const detail = probe.ok
      ? `${config.kafka.brokers.join(',')} · ${probe.brokers} broker · ${probe.topics} topics`
      : `${config.kafka.brokers.join(',')} · ${probe.error ?? 'no answer'}`;
    if (!config.kafka.embedded) return { name: NAME, state: probe.ok ? 'external' : 'unhealthy', detail };
    const pid = readPid(p.pid);
    const alive = pid !== undefined && isAlive(pid);
    if (!alive)
      return {
        name: NAME,
        state: 'stopped',
        detail: pid === undefined ? 'not started' : `pid ${pid} is gone`,
        logFile: p.log,
      };
    return {
      name: NAME,
      state: probe.ok ? 'running' : 'unhealthy',
      detail: `pid ${pid} · ${detail}`,
      logFile: p.log,
    };
  },
};
