import 'reflect-metadata';
import { type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FengqiaoConfig } from '@fengqiao/config';
import { AppModule } from './app.module';
import { answerFrameworkError } from './common/framework-errors';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { installSecurityHeaders } from './common/security-headers';
import { type ApiOptions, type Clock, defaultApiOptions, systemClock } from './infra/api-options';
import { LiveIoAdapter } from './live/live-io.adapter';
import { installHttpMetrics } from './metrics/http-metrics';
import { MetricsService } from './metrics/metrics.service';

export interface ApiAppOverrides {
  readonly options?: Partial<ApiOptions>;
  readonly clock?: Clock;
  readonly logger?: false | LogLevel[];
}

/** The dashboard's own origins, from config (FQ_CORS_ORIGINS is a wanted config addition). */
function dashboardOrigins(config: FengqiaoConfig): readonly string[] {
  if (config.api.corsOrigins !== undefined) return config.api.corsOrigins;
  const port = config.dashboard.port;
  return [`http://${config.host}:${port}`, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

/** Builds the whole API (HTTP and live) without listening; main.ts and the tests share it. */
export async function createApiApp(
  config: FengqiaoConfig,
  overrides: ApiAppOverrides = {},
): Promise<NestFastifyApplication> {
  const options: ApiOptions = {
    ...defaultApiOptions(config.tuning.api, dashboardOrigins(config)),
    ...overrides.options,
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, options, overrides.clock ?? systemClock),
    new FastifyAdapter({
      bodyLimit: options.bodyLimitBytes,
      // Behind nginx every request comes from the proxy: only listed proxies' X-Forwarded-For is
      // believed, so request.ip (the login limit's key) is the client, not the proxy (issue 17 #6).
      trustProxy: config.api.trustedProxies.length === 0 ? false : [...config.api.trustedProxies],
      return503OnClosing: true,
      // Router-level errors (over-long params, bad percent-encoding) in the error envelope too.
      frameworkErrors: answerFrameworkError,
    }),
    {
      // Fastify's own JSON parser only: Nest's would add urlencoded, letting form bodies reach validators.
      bodyParser: false,
      logger: overrides.logger ?? (config.mode === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn']),
    },
  );
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableCors({ origin: [...options.corsOrigins], methods: ['GET', 'POST'], maxAge: 600 });
  app.useWebSocketAdapter(new LiveIoAdapter(app, options));
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: a text/plain body would reach the validators as a string; refuse it as 415 instead.
  fastify.removeContentTypeParser('text/plain');
  installSecurityHeaders(fastify);
  installHttpMetrics(fastify, app.get(MetricsService));
  // No enableShutdownHooks: signals are libs/process runProcess's (main.ts), which calls app.close()
  // within the shutdown deadline; Nest's own handler would re-raise the signal before that.
  return app;
}
