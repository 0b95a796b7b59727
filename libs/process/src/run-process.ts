import { type HealthCheck } from './health';
import { startHealthServer } from './health-server';

export type LogLevel = 'info' | 'warn' | 'error';
export type ProcessLog = (level: LogLevel, message: string, extra?: Record<string, unknown>) => void;

/** One step of an ordered shutdown: `stop` runs in the order the steps are listed. */
export interface StopStep {
  readonly name: string;
  stop(): Promise<unknown>;
}

/** What a started app hands back to the runner. */
export interface StartedProcess {
  /** Run in this order on SIGTERM/SIGINT, a fatal error or when `done` settles. */
  readonly stops: readonly StopStep[];
  /** Served on `health.port` when given (apps with an HTTP server of their own serve them there). */
  readonly checks?: readonly HealthCheck[];
  /** A run that ends by itself (a --once run, a --duration): the process stops when it settles. */
  readonly done?: Promise<void>;
  /** Logged with "started". */
  readonly info?: Record<string, unknown>;
}

export interface ProcessSpec {
  /** `component` of every log line. */
  readonly name: string;
  start(log: ProcessLog): Promise<StartedProcess>;
  /** A stop that takes longer is abandoned: exit code 1. */
  readonly shutdownDeadlineMs: number;
  readonly health?: { readonly host: string; readonly port: number; readonly checkTimeoutMs: number };
  /** For tests: what ends the process (default process.exit). */
  readonly exit?: (code: number) => void;
}

export function jsonLog(component: string): ProcessLog {
  return (level, message, extra = {}) => {
    const line = `${JSON.stringify({ level, component, message, time: new Date().toISOString(), ...extra })}\n`;
    (level === 'info' ? process.stdout : process.stderr).write(line);
  };
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The one start/stop/health shell of every app: starts it, serves its health, logs uncaught errors,
 * and on a signal (or a fatal error, or the end of a finite run) stops its parts in order within a
 * deadline. Exit code 0 only for a clean stop after a signal or a finished run.
 */
export async function runProcess(spec: ProcessSpec): Promise<void> {
  const log = jsonLog(spec.name);
  const exit = spec.exit ?? ((code: number) => process.exit(code));
  const stops: StopStep[] = [];
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string, code: number): Promise<void> =>
    (stopping ??= stopAll(stops, reason, code, spec, log).then(exit));
  listen(log, (reason, code) => {
    // A second signal while stopping (Ctrl-C twice): the operator does not want to wait.
    if (stopping !== undefined && code === 0) {
      log('warn', 'second signal while stopping: exiting now', { reason });
      exit(1);
    }
    void shutdown(reason, code);
  });
  let checks: readonly HealthCheck[] = [
    { name: 'process', check: () => ({ ok: false, detail: 'starting' }) },
  ];
  try {
    // Health first, so an orchestrator sees "starting" (503) rather than nothing while the app starts.
    if (spec.health !== undefined) {
      const server = await startHealthServer({ ...spec.health, checks: () => checks });
      stops.push({ name: 'health', stop: () => server.close() });
      log('info', 'health', { url: `${server.url}/health` });
    }
    const started = await spec.start(log);
    stops.push(...started.stops);
    checks = started.checks ?? [];
    log('info', 'started', started.info ?? {});
    started.done?.then(
      () => void shutdown('finished', 0),
      (err: unknown) => {
        log('error', 'run failed', { error: messageOf(err) });
        void shutdown('failed', 1);
      },
    );
  } catch (err) {
    log('error', 'failed to start', { error: messageOf(err) });
    await shutdown('failed to start', 1);
  }
}

/** Signals stop cleanly (code 0); an uncaught error is logged with its stack and stops with 1. */
function listen(log: ProcessLog, stop: (reason: string, code: number) => void): void {
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  process.on('uncaughtException', (err) => {
    log('error', 'uncaught exception', { error: messageOf(err), stack: err.stack });
    stop('uncaughtException', 1);
  });
  process.on('unhandledRejection', (err) => {
    const stack = err instanceof Error ? err.stack : undefined;
    log('error', 'unhandled rejection', { error: messageOf(err), stack });
    stop('unhandledRejection', 1);
  });
}

async function stopAll(
  stops: readonly StopStep[],
  reason: string,
  code: number,
  spec: ProcessSpec,
  log: ProcessLog,
): Promise<number> {
  log('info', 'stopping', { reason });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      log('error', 'stop deadline passed', { deadlineMs: spec.shutdownDeadlineMs });
      resolve(1);
    }, spec.shutdownDeadlineMs);
  });
  const ordered = (async (): Promise<number> => {
    let result = code;
    for (const step of stops) {
      try {
        await step.stop();
      } catch (err) {
        log('error', 'unclean stop', { step: step.name, error: messageOf(err) });
        result = 1;
      }
    }
    return result;
  })();
  try {
    const result = await Promise.race([ordered, deadline]);
    if (result === 0) log('info', 'stopped', { reason });
    return result;
  } finally {
    clearTimeout(timer);
  }
}
