import { join } from 'node:path';
import { type Kafka } from 'kafkajs';
import { type FengqiaoConfig } from '@fengqiao/config';
import { freePort, pollUntil, startProcess, uniqueName, type RunningProcess } from '@fengqiao/testing';

// The real ingest service as its own process, on private topics (a suffix) and its own group, for
// the cases integration spec: what the API produces must get through it. (The warning service is
// started by ../testing/warning-process.)

const node = (config: FengqiaoConfig, app: string, args: string[]): string[] => [
  '-r',
  '@swc-node/register',
  join(config.repoRoot, `apps/${app}/src/main.ts`),
  ...args,
];

export async function startIngestProcess(
  config: FengqiaoConfig,
  suffix: string,
  env: NodeJS.ProcessEnv,
): Promise<RunningProcess> {
  const port = await freePort();
  return startProcess({
    command: process.execPath,
    args: node(config, 'ingest', [
      '--group',
      uniqueName('cases-ingest'),
      '--topic-suffix',
      suffix,
      '--port',
      String(port),
    ]),
    cwd: config.repoRoot,
    env,
    readyUrl: `http://${config.host}:${port}/health`,
    timeoutMs: 60_000,
  });
}

/** Reads a topic from its start until every wanted event id was seen; returns the values seen. */
export async function readEventIds(
  kafka: Kafka,
  topic: string,
  wanted: readonly string[],
  timeoutMs = 30_000,
): Promise<Set<string>> {
  const seen = new Set<string>();
  const consumer = kafka.consumer({ groupId: uniqueName('cases-reader') });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const value = JSON.parse(message.value?.toString() ?? '{}') as { eventId?: string };
        if (value.eventId !== undefined) seen.add(value.eventId);
        await Promise.resolve();
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (!wanted.every((id) => seen.has(id)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

export function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  return pollUntil(probe, what, { timeoutMs, everyMs: 250 });
}
