import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { createWarningApp } from './warning-app';

// Flags exist for tests that run private copies on the shared stack.
const { values: flags } = parseArgs({
  options: { group: { type: 'string' }, 'topic-suffix': { type: 'string' } },
});

function log(level: 'info' | 'error', message: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ level, component: 'warning', message, ...extra })}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = createWarningApp(config, { groupId: flags.group, topicSuffix: flags['topic-suffix'] });
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
  await app.start();
  log('info', 'started', { mode: config.mode });
}

main().catch((err: unknown) => {
  log('error', 'failed to start', { error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
