import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { runProcess } from '@fengqiao/process';
import { createApiApp } from './app.factory';

const config = loadConfig();
// Benchmarks that run the whole system on private topics of the shared broker aim it elsewhere.
const { values: flags } = parseArgs({ options: { 'alerts-topic': { type: 'string' } } });
const alertsTopic = flags['alerts-topic'];

// /api/health is the API's own route (HealthService, the same contract as every app's /health).
void runProcess({
  name: 'api',
  shutdownDeadlineMs: config.tuning.health.shutdownDeadlineMs,
  start: async () => {
    const app = await createApiApp(config, alertsTopic === undefined ? {} : { options: { alertsTopic } });
    await app.listen(config.api.port, config.host);
    return {
      stops: [{ name: 'api', stop: () => app.close() }],
      info: { url: `http://${config.host}:${config.api.port}/api`, mode: config.mode },
    };
  },
});
