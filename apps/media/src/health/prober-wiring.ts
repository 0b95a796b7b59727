import { type FengqiaoConfig } from '@fengqiao/config';
import { camerasNearOpenAlerts, createPool, type DbPool } from '@fengqiao/db';
import { type KafkaEventPublisher } from '@fengqiao/kafka';
import { probeStream } from './stream-probe';
import { StreamProber } from './stream-prober';

export interface ProbeSettings {
  /** 0 turns the prober off. */
  readonly concurrency: number;
  readonly sampleS: number;
}

/** How often the cameras near open alerts are looked up, and how often one of them is re-sampled. */
const PRIORITY_REFRESH_MS = 30_000;
const PRIORITY_EVERY_MS = 60_000;

export interface RunningProber {
  readonly prober: StreamProber;
  stop(): Promise<void>;
}

/**
 * The media service's prober: samples its own live streams (the loopback HTTP-FLV of each), cameras
 * near open alerts first (looked up in the database every 30 s), and sends the facts to `topic`.
 */
export function startProber(
  config: FengqiaoConfig,
  settings: ProbeSettings,
  deps: {
    readonly live: () => readonly string[];
    readonly flvUrl: (cameraId: string) => string;
    readonly publisher: KafkaEventPublisher;
    readonly topic: string;
    readonly log: (line: string) => void;
  },
): RunningProber {
  let priority: ReadonlySet<string> = new Set();
  const pool: DbPool = createPool(config.postgres.url, { max: 1, applicationName: 'fengqiao-media-prober' });
  const refresh = async (): Promise<void> => {
    try {
      priority = new Set(await camerasNearOpenAlerts(pool, deps.live()));
    } catch (err) {
      deps.log(`prober: cameras near open alerts not read (${(err as Error).message}); round robin only`);
    }
  };
  const refreshTimer = setInterval(() => void refresh(), PRIORITY_REFRESH_MS);
  void refresh();
  const prober = new StreamProber(
    {
      fleet: deps.live,
      priority: () => priority,
      sample: (id) =>
        probeStream(deps.flvUrl(id), { sampleS: settings.sampleS, ioTimeoutS: 5, ffmpeg: 'ffmpeg' }),
      report: async (events) => {
        const messages = events.map((e) => ({ key: e.cameraId, value: JSON.stringify(e) }));
        try {
          await deps.publisher.publishWithin(deps.topic, messages, 5000);
        } catch (err) {
          deps.log(`prober: ${messages.length} health fact(s) not sent: ${(err as Error).message}`);
        }
      },
      now: Date.now,
    },
    { concurrency: settings.concurrency, tickMs: 1000, priorityEveryMs: PRIORITY_EVERY_MS },
  );
  prober.start();
  return {
    prober,
    async stop() {
      clearInterval(refreshTimer);
      await prober.stop();
      await pool.end();
    },
  };
}
