import { createServer, type Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type FengqiaoConfig } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { SilenceTracker } from '@fengqiao/domain';
import { CatalogCollector } from '@fengqiao/gb28181';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { evaluateHealth, type HealthCheck } from '@fengqiao/process';
import { ChannelState } from './channel-state';
import { DeviceDirectory } from './device-directory';
import { DeviceQueries } from './device-queries';
import { EventOutbox } from './event-outbox';
import { type GbContext } from './gb-context';
import { GbMetrics } from './gb-metrics';
import { MessageHandler } from './message-handler';
import { handlePlayRoute } from './play-http';
import { MediaReceivers } from './media/media-receivers';
import { playSettingsOf } from './play-session';
import { PlaySessions } from './play-sessions';
import { RegisterHandler } from './register-handler';
import { Registrations } from './registrations';
import { SipRouter } from './sip-router';
import { SipTransport } from './sip-transport';
import { loadTownships } from './townships.repository';

export interface Gb28181App {
  readonly sipPort: number;
  readonly httpUrl: string;
  readonly metrics: GbMetrics;
  stop(): Promise<void>;
}

/** The access service: SIP server, silence sweep, Kafka outbox, /health and /metrics. */
export async function startGb28181App(
  config: FengqiaoConfig,
  log: (line: string) => void,
  topicSuffix?: string,
): Promise<Gb28181App> {
  const gb = config.gb28181;
  const pool = createPool(config.postgres.url, {
    max: 2,
    applicationName: 'fengqiao-gb28181',
    tuning: config.tuning.db,
  });
  const townships = await loadTownships(pool).finally(() => void pool.end());
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'fengqiao-gb28181' });
  const publisher = new KafkaEventPublisher(kafka, { idempotent: config.tuning.kafka.idempotentProducer });
  await publisher.connect();
  const metrics = new GbMetrics();
  const outbox = new EventOutbox(publisher, metrics, log, topicSuffix);
  const registrations = new Registrations();
  const tracker = new SilenceTracker(
    {
      tickMs: gb.sweepMs,
      flapHoldMs: gb.flapHoldMs,
      spanMs: gb.keepaliveMs * gb.keepaliveMissed + gb.sweepMs,
    },
    Date.now(),
  );
  const ctx: GbContext = {
    config: gb,
    directory: DeviceDirectory.load(gb.devicesPath, gb.defaultPassword, config.city.code),
    registrations,
    channels: new ChannelState(tracker, registrations, townships, outbox, metrics),
    queries: new DeviceQueries(gb.serverId, gb.domain, config.host, gb.sipPort),
    outbox,
    metrics,
    log,
    windowOf: (reg, nowMs) =>
      Math.max(0, Math.min(reg.expiresAtMs - nowMs, gb.keepaliveMs * gb.keepaliveMissed)),
  };
  const messages = new MessageHandler(ctx, new CatalogCollector(gb.catalogTimeoutMs));
  const playSettings = playSettingsOf(config);
  const media = new MediaReceivers(
    {
      ...playSettings,
      rtmpHost: config.host,
      rtmpPort: config.media.rtmpPort,
      mediaSecret: config.media.secret,
    },
    metrics,
  );
  const play = new PlaySessions(playSettings, registrations, metrics, media);
  const router = new SipRouter(new RegisterHandler(ctx), messages, metrics, play);
  const transport = new SipTransport((m, p) => router.handle(m, p), metrics, log);
  await transport.listen(config.host, gb.sipPort);
  outbox.start();
  metrics.gauge('devices_registered', () => registrations.size);
  metrics.gauge('channels_tracked', () => tracker.size);
  metrics.gauge('events_pending', () => outbox.pending);
  metrics.gauge('play_sessions', () => play.list().length);
  metrics.gauge('rtp_receivers_open', () => media.size);
  // How long SIP waited behind other work: a REGISTER that waits past the device's retransmissions is lost.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  metrics.gauge('event_loop_delay_max_ms', () => Math.round(loopDelay.max / 1e6));
  metrics.gauge('event_loop_delay_p99_ms', () => Math.round(loopDelay.percentile(99) / 1e6));
  const sweep = setInterval(() => {
    const started = process.hrtime.bigint();
    const now = Date.now();
    ctx.channels.sweep(now);
    messages.expireCatalogs(now);
    play.sweep(now);
    const us = Number((process.hrtime.bigint() - started) / 1000n);
    metrics.inc('sweeps');
    metrics.inc('sweep_micros_total', us);
  }, gb.sweepMs);
  const checks: HealthCheck[] = [
    {
      name: 'sip',
      check: () => ({ ok: true, detail: `${registrations.size} devices, ${tracker.size} channels` }),
    },
    {
      name: 'kafka-outbox',
      check: () => ({ ok: outbox.pending < 50_000, detail: `${outbox.pending} event(s) waiting` }),
    },
  ];
  const http = await listenHttp(config.host, gb.httpPort, checks, metrics, play);
  log(
    `gb28181: SIP on ${config.host}:${gb.sipPort} (UDP+TCP), domain ${gb.domain}, ${townships.length} townships`,
  );
  return {
    sipPort: gb.sipPort,
    httpUrl: `http://${config.host}:${gb.httpPort}`,
    metrics,
    stop: async () => {
      clearInterval(sweep);
      loopDelay.disable();
      await play.stop();
      await transport.close();
      await outbox.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await publisher.disconnect();
    },
  };
}

async function listenHttp(
  host: string,
  port: number,
  checks: HealthCheck[],
  metrics: GbMetrics,
  play: PlaySessions,
): Promise<Server> {
  const startedAt = Date.now();
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (handlePlayRoute(req, res, play)) return;
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics.prometheus());
      return;
    }
    if (path !== '/health' && path !== '/ready') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NOT_FOUND"}}');
      return;
    }
    evaluateHealth(checks, startedAt, 2000).then(
      (report) =>
        res
          .writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ...report, counters: metrics.snapshot() })),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
