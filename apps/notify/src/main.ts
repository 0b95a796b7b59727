import { loadConfig } from '@fengqiao/config';
import { runProcess, type StartedProcess } from '@fengqiao/process';
import { createNotifyApp } from './notify-app';

const config = loadConfig();

async function start(): Promise<StartedProcess> {
  const app = createNotifyApp(config);
  await app.start();
  return {
    stops: [{ name: 'notify', stop: () => app.stop() }],
    checks: app.checks,
    info: { mode: config.mode },
  };
}

void runProcess({
  name: 'notify',
  shutdownDeadlineMs: config.tuning.health.shutdownDeadlineMs,
  health: {
    host: config.host,
    port: config.notify.port,
    checkTimeoutMs: 2 * config.tuning.health.dbTimeoutMs,
  },
  start,
});
