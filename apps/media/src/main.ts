import { parseArgs } from 'node:util';
import { loadConfig, type FengqiaoConfig } from '@fengqiao/config';
import { runProcess } from '@fengqiao/process';
import { loadRelays, type Relay } from './relay/relay-config';
import { defaultMediaOptions, startMediaService, type MediaServiceOptions } from './media-service';

const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

/** The per-camera relays (`--relays` or FQ_MEDIA_RELAYS); none configured: none run. */
function loadRelayFile(path: string | undefined): Relay[] {
  if (path === undefined) return [];
  const relays = loadRelays(path);
  log(`media: ${relays.length} relay(s) configured in ${path}`);
  return relays;
}

/** Ports and topic may be overridden on the command line (tests run their own instance beside the demo). */
function options(argv: string[], config: FengqiaoConfig): MediaServiceOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'rtmp-port': { type: 'string' },
      'http-port': { type: 'string' },
      'internal-http-port': { type: 'string' },
      'status-topic': { type: 'string' },
      'hls-idle-ms': { type: 'string' },
      'heartbeat-ms': { type: 'string' },
      relays: { type: 'string' },
      'probe-concurrency': { type: 'string' },
      'probe-sample-s': { type: 'string' },
    },
  });
  const num = (v: string | undefined, d: number): number => (v === undefined ? d : Number.parseInt(v, 10));
  const d = defaultMediaOptions(config);
  return {
    rtmpPort: num(values['rtmp-port'], d.rtmpPort),
    httpPort: num(values['http-port'], d.httpPort),
    internalHttpPort: num(values['internal-http-port'], d.internalHttpPort),
    statusTopic: values['status-topic'] ?? d.statusTopic,
    hlsIdleMs: num(values['hls-idle-ms'], d.hlsIdleMs),
    heartbeatMs: num(values['heartbeat-ms'], d.heartbeatMs),
    relays: loadRelayFile(values.relays ?? config.media.relaysPath),
    probe: {
      concurrency: num(values['probe-concurrency'], d.probe.concurrency),
      sampleS: num(values['probe-sample-s'], d.probe.sampleS),
    },
  };
}

// loadConfig refuses production mode with an empty or default FQ_MEDIA_SECRET.
const config = loadConfig();

// /health is the media gateway's own (FQ_MEDIA_HTTP_PORT, 8000), beside HLS/FLV.
void runProcess({
  name: 'media',
  shutdownDeadlineMs: config.tuning.health.shutdownDeadlineMs,
  start: async () => {
    const service = await startMediaService(config, options(process.argv.slice(2), config), log);
    return { stops: [{ name: 'media', stop: () => service.stop() }] };
  },
});
