import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { loadRelays, type Relay } from './relay/relay-config';
import { DEFAULT_MEDIA_OPTIONS, startMediaService, type MediaServiceOptions } from './media-service';

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
function options(argv: string[], relaysPath: string | undefined): MediaServiceOptions {
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
    },
  });
  const num = (v: string | undefined, d: number): number => (v === undefined ? d : Number.parseInt(v, 10));
  const d = DEFAULT_MEDIA_OPTIONS;
  return {
    rtmpPort: num(values['rtmp-port'], d.rtmpPort),
    httpPort: num(values['http-port'], d.httpPort),
    internalHttpPort: num(values['internal-http-port'], d.internalHttpPort),
    statusTopic: values['status-topic'] ?? d.statusTopic,
    hlsIdleMs: num(values['hls-idle-ms'], d.hlsIdleMs),
    heartbeatMs: num(values['heartbeat-ms'], d.heartbeatMs),
    relays: loadRelayFile(values.relays ?? relaysPath),
  };
}

async function main(): Promise<void> {
  // loadConfig refuses production mode with an empty or default FQ_MEDIA_SECRET.
  const config = loadConfig();
  const service = await startMediaService(
    config,
    options(process.argv.slice(2), config.media.relaysPath),
    log,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    log('media: stopping');
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`media: stop failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  log(`media: failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
