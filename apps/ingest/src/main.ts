import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { createIngestApp } from './ingest-app';

// Flags exist for tests and benchmarks that run private copies of the pipeline on the shared stack.
const { values: flags } = parseArgs({
  options: {
    group: { type: 'string' },
    'topic-suffix': { type: 'string' },
    port: { type: 'string' },
    'session-timeout-ms': { type: 'string' },
  },
});

function log(level: 'info' | 'error', message: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ level, component: 'ingest', message, ...extra })}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = createIngestApp(config, {
    groupId: flags.group,
    topicSuffix: flags['topic-suffix'],
    port: flags.port === undefined ? undefined : Number(flags.port),
    sessionTimeoutMs:
      flags['session-timeout-ms'] === undefined ? undefined : Number(flags['session-timeout-ms']),
  });
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log('error', 'unclean stop', { error: err instanceof Error ? err.message : String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  const { url } = await app.start();
  log('info', 'listening', { url, mode: config.mode });
}

main().catch((err: unknown) => {
  log('error', 'failed to start', { error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
