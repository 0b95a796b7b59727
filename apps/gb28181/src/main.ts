import { parseArgs } from 'node:util';
import { ConfigError, gb28181Problems, loadConfig } from '@fengqiao/config';
import { runProcess } from '@fengqiao/process';
import { startGb28181App } from './gb28181-app';

// Ports may be overridden on the command line (tests run their own instance beside the demo).
const { values: flags } = parseArgs({
  options: {
    'sip-port': { type: 'string' },
    'http-port': { type: 'string' },
    'topic-suffix': { type: 'string' },
  },
});
const loaded = loadConfig();
const config = {
  ...loaded,
  gb28181: {
    ...loaded.gb28181,
    sipPort: flags['sip-port'] === undefined ? loaded.gb28181.sipPort : Number(flags['sip-port']),
    httpPort: flags['http-port'] === undefined ? loaded.gb28181.httpPort : Number(flags['http-port']),
  },
};

void runProcess({
  name: 'gb28181',
  shutdownDeadlineMs: config.tuning.health.shutdownDeadlineMs,
  start: async (log) => {
    const problems = config.mode === 'production' ? gb28181Problems(config.gb28181) : [];
    if (problems.length > 0)
      throw new ConfigError(`Refusing to start in production mode:\n  ${problems.join('\n  ')}`);
    const app = await startGb28181App(config, (line) => log('info', line), flags['topic-suffix']);
    return {
      stops: [{ name: 'gb28181', stop: () => app.stop() }],
      info: { sipPort: app.sipPort, http: app.httpUrl },
    };
  },
});
