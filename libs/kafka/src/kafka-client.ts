import { Kafka, logLevel, type LogEntry } from 'kafkajs';

/** The client the adapters of this lib take; apps hold it without importing kafkajs themselves. */
export type KafkaClient = Kafka;

export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Where kafkajs' own log lines go; by default warnings and errors go to stderr as JSON. */
  readonly log?: (level: 'info' | 'warn' | 'error', message: string, extra: Record<string, unknown>) => void;
  readonly connectionTimeoutMs?: number;
  /** Retries of a failed request before it is given up (default 8, about 30 s of backoff). */
  readonly retries?: number;
}

function defaultLog(level: 'info' | 'warn' | 'error', message: string, extra: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ level, component: 'kafka', message, ...extra })}\n`);
}

/** The one place a kafkajs client is made, so the choice of client stays behind this lib. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  const log = options.log ?? defaultLog;
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: options.retries ?? 8 },
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...extra } = entry;
        // Chosen, not a fault: the idempotent producer gives up after `retries` like the others, so
        // a broker that stays away fails the send instead of holding the caller forever.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        log(level >= logLevel.INFO ? 'info' : level === logLevel.WARN ? 'warn' : 'error', message, extra);
      },
  });
}
