import { createInterface } from 'node:readline';
import { allTopicSpecs } from '@fengqiao/contracts';
import { loadConfig } from '@fengqiao/config';
import { DEFAULT_DEMO_SEED } from '@fengqiao/geo';
import { createPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { runProcess, type StopStep } from '@fengqiao/process';
import { followCaseClock, type FollowedCaseClock } from './case-clock';
import { CliError, numberFlag, parseFlags, runCli, say } from './cli-args';
import { DEFAULT_REGISTRY_SIZE, loadDemoWorld } from './demo-world';
import { carryHistory } from './history-carry';
import { startMediaGuard } from './media-guard';
import { progressLine } from './progress';
import { SimRunner, type MessageSink } from './sim-runner';
import { renderSnapshot } from './snapshots/snapshot-render';
import { SnapshotUploader } from './snapshots/snapshot-uploader';
import { TrafficGenerator } from './traffic/traffic-generator';

const USAGE = `usage: node -r @swc-node/register apps/simulator/src/main.ts [flags]
  --seed N          seed of the demo city and its traffic (default ${DEFAULT_DEMO_SEED})
  --registry N      cameras in the seeded registry (default ${DEFAULT_REGISTRY_SIZE}; as given to seed.ts)
  --cameras N       how many of them to drive (a seeded subset; default all)
  --rate X          traffic multiplier: heartbeats every FQ_SIM_HEARTBEAT_MS/X (30 s/X), analytics and cases ×X (default 1;
                    30 = one event per camera per second, the benchmark's full load)
  --compress X      divide a case's real delays by X (default 60: a 5-day case closes in 2 h)
  --incident SPEC   inject at start, repeatable: crowd[@cameraId] | dispute-run[@township] |
                    district-dark[@county]
  --duration S      stop after S seconds (default 0: run until SIGINT/SIGTERM)
  --progress S      seconds between progress lines (default 5)
  --media-window S  send no heartbeat for cameras the media service reported in the last S seconds
                    (read from the database every minute; default 300, 0 = off)
  --carry-days N    carry on the cases of the history's last N days (npm run history) from local
                    midnight at real pace, so none it left open falls overdue, and today's cases
                    reported before the start (default 14, 0 = off)
  --no-snapshots    do not render and store the JPEGs the analytics events reference (in the media
                    service, PUT /snapshots/<ref>; decision 0020)
  --dry-run         generate without producing (measures the generator alone)
At runtime, stdin lines: an incident SPEC, "rate X", or "status".`;

const TICK_MS = 100;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function readOptions(argv: readonly string[]) {
  const f = parseFlags(argv, {
    seed: { type: 'string' },
    registry: { type: 'string' },
    cameras: { type: 'string' },
    rate: { type: 'string' },
    compress: { type: 'string' },
    incident: { type: 'string', multiple: true },
    duration: { type: 'string' },
    progress: { type: 'string' },
    'media-window': { type: 'string' },
    'carry-days': { type: 'string' },
    'dry-run': { type: 'boolean' },
    'no-snapshots': { type: 'boolean' },
    help: { type: 'boolean' },
  });
  const registry = numberFlag(f.registry, 'registry', DEFAULT_REGISTRY_SIZE, 1, 200_000);
  return {
    help: f.help === true,
    seed: numberFlag(f.seed, 'seed', DEFAULT_DEMO_SEED, 0, 2 ** 32 - 1),
    registry,
    cameras: numberFlag(f.cameras, 'cameras', registry, 1, registry),
    rate: numberFlag(f.rate, 'rate', 1, 0.01, 100),
    compress: numberFlag(f.compress, 'compress', 60, 1, 1_000_000),
    incidents: f.incident ?? [],
    durationS: numberFlag(f.duration, 'duration', 0, 0, 365 * 86_400),
    progressS: numberFlag(f.progress, 'progress', 5, 1, 3600),
    mediaWindowS: numberFlag(f['media-window'], 'media-window', 300, 0, 86_400),
    carryDays: numberFlag(f['carry-days'], 'carry-days', 14, 0, 400),
    dryRun: f['dry-run'] === true,
    snapshots: f['no-snapshots'] !== true,
  };
}

/** Applies one stdin command; a mistake is reported, never fatal. */
function onCommand(line: string, gen: TrafficGenerator, runner: SimRunner): void {
  const text = line.trim();
  if (text === '') return;
  try {
    const rate = /^rate\s+(\S+)$/.exec(text);
    if (rate) {
      runner.rate = numberFlag(rate[1], 'rate', runner.rate, 0.01, 100);
      say(`simulator: rate ×${runner.rate}`);
    } else if (text === 'status')
      say(`simulator: ${JSON.stringify({ ...runner.counters, incidents: gen.incidents })}`);
    else {
      const i = gen.inject(text, Date.now());
      say(`simulator: incident ${i.kind}@${i.target} until ${new Date(i.endMs).toISOString()}`);
    }
  } catch (err) {
    say(`simulator: ${err instanceof CliError ? err.message : String(err)}`);
  }
}

/** Leaves the cameras the media service reports on to it (see docs/video.md). */
async function guardMedia(
  url: string,
  runner: SimRunner,
  o: { mediaWindowS: number },
): Promise<{ close(): Promise<void> }> {
  const pool = createPool(url, { max: 1, applicationName: 'fengqiao-simulator' });
  const guard = startMediaGuard(pool, runner, { windowS: o.mediaWindowS, clock: Date.now, log: say });
  await guard.refresh();
  return {
    close: async () => {
      guard.stop();
      await pool.end();
    },
  };
}

/** Case deadlines from the active rule set (a dry run, with no database, keeps the default set's). */
async function followRules(
  url: string,
  config: { tuning: { api: { routingPollMs: number } } },
): Promise<{ clock: FollowedCaseClock; step: StopStep }> {
  const pool = createPool(url, { max: 1, applicationName: 'fengqiao-simulator-rules' });
  const clock = await followCaseClock(pool, config.tuning.api.routingPollMs, say);
  return { clock, step: { name: 'rule sets', stop: () => (clock.stop(), pool.end()) } };
}

async function main(): Promise<void> {
  const o = readOptions(process.argv.slice(2));
  if (o.help) return say(USAGE);
  const config = loadConfig();
  // Signals, the stop order and its deadline are runProcess's; the loop ends when asked or when
  // --duration passes, and the process with it.
  await runProcess({
    name: 'simulator',
    shutdownDeadlineMs: config.tuning.health.shutdownDeadlineMs,
    start: async () => {
      const city = loadDemoWorld({
        seed: o.seed,
        registry: o.registry,
        geojsonPath: config.geojsonPath,
        divisionsPath: config.city.divisionsPath,
      });
      const stops: StopStep[] = [];
      const rules = o.dryRun ? undefined : await followRules(config.postgres.url, config);
      const gen = new TrafficGenerator(city, {
        seed: o.seed,
        cameras: o.cameras,
        compress: o.compress,
        caseClock: rules?.clock.current,
        heartbeatMs: config.tuning.simulator.heartbeatMs,
      });
      let sink: MessageSink = { publish: () => Promise.resolve() };
      let publisher: KafkaEventPublisher | undefined;
      if (!o.dryRun) {
        const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'fengqiao-simulator' });
        await ensureTopics(kafka, allTopicSpecs(), config.tuning.kafka);
        // Not idempotent: a load generator whose rare retry duplicate the ingest absorbs by event id,
        // and one request in flight cost a third of chunked throughput (docs/benchmarks.md).
        publisher = new KafkaEventPublisher(kafka, { idempotent: false });
        await publisher.connect();
        sink = publisher;
      }
      const runner = new SimRunner(gen, sink, Date.now, o.rate);
      const snapshots =
        o.dryRun || !o.snapshots
          ? undefined
          : new SnapshotUploader({
              mediaUrl: `http://${config.host}:${config.media.httpPort}`,
              mediaSecret: config.media.secret,
              render: (scene) => renderSnapshot(scene),
              log: say,
            });
      runner.snapshots = snapshots;
      if (o.carryDays > 0) {
        // The history ends at local midnight today (history.ts): its cases, and today's, go on from there.
        const n = carryHistory(gen, runner.cursorMs, o.carryDays, o.rate);
        say(
          `simulator: carrying on ${n} events of the history's cases of the last ${o.carryDays} days and today's`,
        );
      }
      const guard =
        o.dryRun || o.mediaWindowS === 0 ? undefined : await guardMedia(config.postgres.url, runner, o);
      // After the runner exists, so the slot holding each incident's start is still to be generated.
      for (const spec of o.incidents) gen.inject(spec, Date.now());
      say(
        `simulator: driving ${gen.cameras.size} cameras at ×${o.rate}, seed ${o.seed}, cases compressed ×${o.compress}${o.dryRun ? ' (dry run)' : ''}`,
      );
      const loop = { stopping: false };
      const done = runLoop(o, gen, runner, loop);
      stops.push({ name: 'loop', stop: () => ((loop.stopping = true), done) });
      if (publisher !== undefined) stops.push({ name: 'kafka', stop: () => publisher.disconnect() });
      if (snapshots !== undefined) stops.push({ name: 'snapshots', stop: () => snapshots.drain() });
      if (guard !== undefined) stops.push({ name: 'media guard', stop: () => guard.close() });
      if (rules !== undefined) stops.push(rules.step);
      return { stops, done };
    },
  });
}

async function runLoop(
  o: ReturnType<typeof readOptions>,
  gen: TrafficGenerator,
  runner: SimRunner,
  loop: { stopping: boolean },
): Promise<void> {
  const rl =
    process.stdin.isTTY === false || process.stdin.readable
      ? createInterface({ input: process.stdin })
      : undefined;
  rl?.on('line', (line) => onCommand(line, gen, runner));
  const started = Date.now();
  let lastProgress = { at: started, counters: { ...runner.counters } };
  while (!loop.stopping && (o.durationS === 0 || Date.now() - started < o.durationS * 1000)) {
    const t0 = Date.now();
    await runner
      .step()
      .catch((err: unknown) =>
        say(`simulator: publish failed, will replay: ${err instanceof Error ? err.message : String(err)}`),
      );
    if (Date.now() - lastProgress.at >= o.progressS * 1000) {
      const now = Date.now();
      say(
        progressLine({
          nowMs: now,
          seconds: (now - lastProgress.at) / 1000,
          before: lastProgress.counters,
          after: runner.counters,
          cameras: gen.cameras.size,
          rate: runner.rate,
          behindMs: runner.behindMs,
          openCaseEvents: gen.openCaseEvents,
          incidents: gen.incidents,
        }),
      );
      lastProgress = { at: now, counters: { ...runner.counters } };
    }
    await sleep(Math.max(0, TICK_MS - (Date.now() - t0)));
  }
  rl?.close();
  say(
    `simulator: stopped after ${Math.round((Date.now() - started) / 1000)} s; ${JSON.stringify(runner.counters)}`,
  );
}

runCli(main, USAGE);
