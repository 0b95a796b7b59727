import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@fengqiao/config';
import { FaultLedger, formatLedger, outcomeProblems, type FaultOutcome } from '@fengqiao/testing';
import { faultSettings, type FaultSettings } from './fault-settings';
import { startFaultSystem, type FaultSystem, type FaultSystemShape } from './fault-system';
import { LoadProducer } from './load-producer';
import {
  DeadLetterCollector,
  currentSeq,
  explainProblems,
  reconcile,
  settled,
  type Reconciliation,
} from './reconcile';
import { WallClient } from './wall-client';

/** How much longer an unsettled fault is watched, to tell late from lost. */
const LATE_WINDOW_MS = 120_000;

export interface CampaignSettings {
  /** Period of one tick of load (~16 valid events, a case pair every other tick). */
  readonly tickMs: number;
  /** Longest wait, after a fault healed, for everything to reconcile. */
  readonly recoverTimeoutMs: number;
}

/** Progress lines of the tier, timestamped, on stderr (jest shows them as they come). */
export function progress(line: string): void {
  process.stderr.write(`[fault ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs faults one after the other against one system under load, a wall watching and a duty
 * officer acknowledging red alerts; reconciles each fault's ledger and keeps one outcome per fault.
 */
export class Campaign {
  readonly outcomes: FaultOutcome[] = [];
  readonly load: LoadProducer;
  readonly wall: WallClient;
  private readonly dlq: DeadLetterCollector;
  private officerToken: string | undefined;
  private acking = false;
  private ackLoop: Promise<void> | undefined;
  acks = 0;

  constructor(
    readonly system: FaultSystem,
    private readonly settings: CampaignSettings,
  ) {
    const brokers = system.infra.kafka.brokers;
    this.load = new LoadProducer(brokers, settings.tickMs);
    this.dlq = new DeadLetterCollector(brokers);
    this.wall = new WallClient(
      () => system.apiUrls(),
      () => this.login('wall', 'wall-demo-2026'),
    );
  }

  async start(): Promise<void> {
    await this.load.connect();
    await this.dlq.start();
    await this.wall.connect();
    this.officerToken = await this.login('officer', 'officer-demo-2026');
  }

  /** Injects one fault under load (`inject` resolves once it is healed) and reconciles. */
  async run(fault: string, inject: () => Promise<number>): Promise<FaultOutcome> {
    const ledger = new FaultLedger();
    const fromSeq = await currentSeq(this.system.pool);
    this.load.start(ledger);
    this.startAcking();
    await sleep(2000);
    progress(`${fault}: injecting`);
    const injected = await inject();
    const healedAt = Date.now();
    progress(`${fault}: healed after ${injected} injection(s); reconciling`);
    await sleep(2000);
    await this.load.stop();
    let last: Reconciliation | undefined;
    let recoverMs: number | undefined;
    while (Date.now() - healedAt < this.settings.recoverTimeoutMs) {
      last = await reconcile(this.system.pool, ledger, this.dlq, this.wall, fromSeq).catch(() => undefined);
      if (last !== undefined && settled(last)) {
        recoverMs = Date.now() - healedAt;
        break;
      }
      await sleep(500);
    }
    if (recoverMs === undefined) await this.lateOrLost(fault, ledger, fromSeq, healedAt);
    await this.stopAcking();
    // Changes made by the last acknowledgements reach the wall too.
    await sleep(1500);
    last = await reconcile(this.system.pool, ledger, this.dlq, this.wall, fromSeq);
    const audit = await this.system.verifyAudit();
    const outcome: FaultOutcome = { fault, injected, ...last, auditOk: audit.ok, recoverMs };
    this.outcomes.push(outcome);
    progress(`${fault}: ${JSON.stringify(outcome)}`);
    if (outcomeProblems(outcome).length > 0) {
      const why = await explainProblems(
        this.system.pool,
        ledger,
        this.dlq,
        { wall: this.wall, fromSeq },
        // The ingest instances run under their default group (apps/ingest INGEST_GROUP_ID).
        { brokers: this.system.infra.kafka.brokers, ingestGroup: 'fengqiao-ingest' },
      ).catch((e: unknown) => [String(e)]);
      progress(`${fault}: ${why.length === 0 ? 'no detail' : why.join('\n  ')}`);
      await this.supervisorReset(fault);
    }
    return outcome;
  }

  /**
   * A fault that did not settle in its recovery time fails either way; this says whether what was
   * missing arrived late (within two more minutes) or never, which points at different defects.
   */
  private async lateOrLost(
    fault: string,
    ledger: FaultLedger,
    fromSeq: number,
    healedAt: number,
  ): Promise<void> {
    const until = Date.now() + LATE_WINDOW_MS;
    while (Date.now() < until) {
      const r = await reconcile(this.system.pool, ledger, this.dlq, this.wall, fromSeq).catch(
        () => undefined,
      );
      if (r !== undefined && settled(r)) {
        progress(
          `${fault}: settled late, ${((Date.now() - healedAt) / 1000).toFixed(1)} s after the heal (late, not lost)`,
        );
        return;
      }
      await sleep(1000);
    }
    progress(`${fault}: still not settled ${((Date.now() - healedAt) / 1000).toFixed(0)} s after the heal`);
  }

  /**
   * After a fault the system did not recover from, every app is restarted (what a supervisor does
   * with a failing health check), so the next fault's figures are its own. Their output goes first.
   */
  private async supervisorReset(fault: string): Promise<void> {
    const apps = [...this.system.ingests, ...this.system.warnings, ...this.system.apis];
    for (const app of apps)
      progress(
        `${fault}: ${app.spec.name} (${app.running() ? 'running' : 'exited'}) said:\n${app.output().slice(-1500)}`,
      );
    progress(`${fault}: not recovered; restarting every app before the next fault`);
    for (const app of apps) await app.restart();
  }

  /** Prints the ledger and keeps it beside the other test results. */
  report(title: string): string {
    const table = formatLedger(this.outcomes);
    const dir = join(findRepoRoot(__dirname), '.stack', 'test-results');
    mkdirSync(dir, { recursive: true });
    const text = `## ${title}\n\n${table}\n\nwall reconnects: ${this.wall.reconnects}, resyncs: ${this.wall.resyncs}, acknowledgements: ${this.acks}\n`;
    writeFileSync(join(dir, `fault-ledger-${title.replace(/\W+/g, '-')}.md`), text);
    process.stdout.write(`\n${text}\n`);
    return table;
  }

  async stop(): Promise<void> {
    await this.stopAcking();
    this.wall.close();
    await this.load.disconnect();
    await this.dlq.stop();
  }

  /**
   * Logs in through whichever API answers. Retried for up to a minute with a generous timeout: a
   * freshly started API hashing a password at a load average of 20+ took longer than 5 s.
   */
  private async login(username: string, password: string): Promise<string> {
    const deadline = Date.now() + 60_000;
    let last = '';
    while (Date.now() < deadline) {
      for (const url of this.system.apiUrls()) {
        const res = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
          signal: AbortSignal.timeout(20_000),
        }).catch((err: unknown) => String(err));
        if (typeof res === 'string') last = res;
        else if (res.ok) return ((await res.json()) as { accessToken: string }).accessToken;
        else last = `${res.status} ${(await res.text()).slice(0, 300)}`;
      }
      await sleep(2000);
    }
    throw new Error(`login of ${username} failed on every API instance (last: ${last})`);
  }

  /** The duty officer: acknowledges a raised red alert every second through whichever API answers. */
  private startAcking(): void {
    this.acking = true;
    this.ackLoop = (async () => {
      while (this.acking) {
        await this.ackOne().catch(() => undefined);
        await sleep(1000);
      }
    })();
  }

  private async stopAcking(): Promise<void> {
    this.acking = false;
    await this.ackLoop;
  }

  private async ackOne(): Promise<void> {
    const raised = [...this.wall.latest.values()].find(
      (c) => c.alert.state === 'raised' && c.alert.colour === 'red',
    );
    const url = this.system.apiUrls()[this.acks % Math.max(1, this.system.apiUrls().length)];
    if (raised === undefined || url === undefined || this.officerToken === undefined) return;
    const res = await fetch(`${url}/api/alerts/${raised.alert.alertId}/acknowledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.officerToken}` },
      body: JSON.stringify({ version: raised.alert.version, note: 'fault campaign: seen on the wall' }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) this.acks += 1;
  }
}

/** What a fault spec uses: the system and campaign of its `describe`, the knobs, and the verdict. */
export interface CampaignUse {
  readonly settings: FaultSettings;
  /** The running system (after the spec's `beforeAll`). */
  readonly system: FaultSystem;
  /** The campaign over it (after the spec's `beforeAll`). */
  readonly campaign: Campaign;
  /** Fails with the fault's problems listed (lost, doubled, disordered, stuck, not recovered...). */
  expectClean(this: void, o: FaultOutcome): void;
}

/**
 * Registers the fault tier's set-up in the calling `describe`: a private system of `topology`
 * under load with a wall and an officer, started before its tests; its ledger printed under
 * `title`, everything stopped after them.
 */
export function useCampaign(topology: FaultSystemShape, title: string): CampaignUse {
  const settings = faultSettings();
  let system: FaultSystem | undefined;
  let campaign: Campaign | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`${title}: the campaign has not started`);
    return value;
  };

  beforeAll(async () => {
    system = await startFaultSystem(topology, progress);
    campaign = new Campaign(system, {
      tickMs: settings.FQ_FAULT_TICK_MS,
      recoverTimeoutMs: settings.FQ_FAULT_RECOVER_MS,
    });
    await campaign.start();
  }, 600_000);
  afterAll(async () => {
    campaign?.report(title);
    await campaign?.stop();
    await system?.stop();
  }, 120_000);

  return {
    settings,
    get system() {
      return started(system);
    },
    get campaign() {
      return started(campaign);
    },
    expectClean(this: void, o: FaultOutcome): void {
      expect({ fault: o.fault, problems: outcomeProblems(o) }).toEqual({ fault: o.fault, problems: [] });
      expect(o.produced).toBeGreaterThan(0);
    },
  };
}
