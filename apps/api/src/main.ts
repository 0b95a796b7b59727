import { loadConfig } from '@fengqiao/config';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.host);
  process.stdout.write(`api: listening on http://${config.host}:${config.api.port}/api (${config.mode})\n`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`api: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
