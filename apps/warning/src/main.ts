import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { runProcess } from '@fengqiao/process';
import { createWarningApp } from './warning-app';

// Flags exist for tests that run private copies on the shared stack.
const { values: flags } = parseArgs({
  options: {
    group: { type: 'string' },
    'topic-suffix': { type: 'string' },
    'session-timeout-ms': { type: 'string' },
    'health-port': { type: 'string' },
  },
});

const config = loadConfig();
const app = createWarningApp(config, {
  groupId: flags.group,
  topicSuffix: flags['topic-suffix'],
  sessionTimeoutMs:
    flags['session-timeout-ms'] === undefined ? undefined : Number(flags['session-timeout-ms']),
});

void runProcess({
  name: 'warning',
  shutdownDeadlineMs: config.tuning.health.shutdownDeadlineMs,
  health: {
    host: config.host,
    port: flags['health-port'] === undefined ? config.warning.port : Number(flags['health-port']),
    checkTimeoutMs: 2 * config.tuning.health.dbTimeoutMs,
  },
  start: async () => {
    await app.start();
    return {
      stops: [{ name: 'warning', stop: () => app.stop() }],
      checks: app.checks,
      info: { mode: config.mode },
    };
  },
});
