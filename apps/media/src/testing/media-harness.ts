import { join } from 'node:path';
import { type Consumer } from 'kafkajs';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type CameraStatus, cameraStatusSchema, INPUT_TOPICS } from '@fengqiao/contracts';
import { createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { freePort, pollUntil, startProcess, uniqueName, type RunningProcess } from '@fengqiao/testing';
import { signPlayToken } from '@fengqiao/media-tokens';
import { streamSign } from '../auth/stream-sign';
import { MEDIA_APP } from '../media-ports';

export interface MediaPorts {
  readonly rtmp: number;
  readonly http: number;
  readonly internal: number;
}

export async function freeMediaPorts(): Promise<MediaPorts> {
  return { rtmp: await freePort(), http: await freePort(), internal: await freePort() };
}

/** The media service as its own process (it must be killable with -9), on test ports and topic. */
export async function startMediaProcess(
  config: FengqiaoConfig,
  ports: MediaPorts,
  topic: string,
  extra: readonly string[] = [],
): Promise<RunningProcess> {
  return startProcess({
    command: process.execPath,
    args: [
      ...['-r', '@swc-node/register', join(config.repoRoot, 'apps/media/src/main.ts')],
      ...['--rtmp-port', String(ports.rtmp), '--http-port', String(ports.http)],
      ...['--internal-http-port', String(ports.internal), '--status-topic', topic, ...extra],
    ],
    cwd: config.repoRoot,
    // The child gets exactly the settings this test runs with (ffmpeg comes from Debian's /usr/bin).
    env: {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      FQ_MODE: 'test',
      FQ_HOME: config.stack.home,
      FQ_HOST: config.host,
      FQ_KAFKA_BROKERS: config.kafka.brokers.join(','),
      FQ_MEDIA_SECRET: config.media.secret,
    },
    readyUrl: `http://127.0.0.1:${ports.http}/health`,
  });
}

export function publishUrl(config: FengqiaoConfig, rtmpPort: number, cameraId: string): string {
  const path = `/${MEDIA_APP}/${cameraId}`;
  return `rtmp://127.0.0.1:${rtmpPort}${path}?sign=${streamSign(config.media.secret, path, Date.now() / 1000 + 3600)}`;
}

export function playToken(config: FengqiaoConfig, cameraId: string, ttlSec = 300): string {
  return signPlayToken(config.media.secret, {
    userId: 'test-user',
    cameraId,
    expiresAt: Date.now() / 1000 + ttlSec,
  });
}

/** Every camera.status.v1 event on a fresh test topic, parsed with the contract. */
export class StatusWatch {
  readonly events: CameraStatus[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(config: FengqiaoConfig): Promise<{ watch: StatusWatch; topic: string }> {
    const topic = uniqueName('test.camera-status.v1');
    const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: uniqueName('media-test') });
    await ensureTopics(kafka, [{ ...INPUT_TOPICS.cameraStatus, name: topic, partitions: 1 }]);
    const consumer = kafka.consumer({ groupId: uniqueName('media-test') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const watch = new StatusWatch(consumer);
    await consumer.run({
      eachMessage: ({ message }) => {
        watch.events.push(cameraStatusSchema.parse(JSON.parse(message.value?.toString() ?? '')));
        return Promise.resolve();
      },
    });
    return { watch, topic };
  }

  async waitFor(cameraId: string, online: boolean, timeoutMs = 30_000): Promise<CameraStatus> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.find((e) => e.cameraId === cameraId && e.online === online);
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`no ${online ? 'online' : 'offline'} event for ${cameraId}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  clear(): void {
    this.events.length = 0;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

export function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  return pollUntil(probe, what, { timeoutMs, everyMs: 250 });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
