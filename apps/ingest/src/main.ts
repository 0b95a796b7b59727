import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { runProcess } from '@fengqiao/process';
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

const config = loadConfig();
const app = createIngestApp(config, {
  groupId: flags.group,
  topicSuffix: flags['topic-suffix'],
  port: flags.port === undefined ? undefined : Number(flags.port),
  sessionTimeoutMs:
    flags['session-timeout-ms'] === undefined ? undefined : Number(flags['session-timeout-ms']),
});

// /health is served by the ingest's own HTTP server (beside the intake), so no second one here.
void runProcess({
  name: 'ingest',
  shutdownDeadlineMs: config.tuning.health.shutdownDeadlineMs,
  start: async () => {
    const { url } = await app.start();
    return { stops: [{ name: 'ingest', stop: () => app.stop() }], info: { url, mode: config.mode } };
  },
});
