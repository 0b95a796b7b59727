import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@fengqiao/config';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config),
    new FastifyAdapter({ bodyLimit: 256 * 1024, trustProxy: false }),
    { logger: config.mode === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'] },
  );
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  await app.listen(config.api.port, config.host);
  process.stdout.write(`api: listening on http://${config.host}:${config.api.port}/api (${config.mode})\n`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`api: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
