import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { cityRegionCode, type HealthResponse } from '@fengqiao/contracts';
import { DbPing, describeEngine, probeEngine, type DbPool } from '@fengqiao/db';
import { probeKafka } from '@fengqiao/kafka';
import { cityNameOf } from '@fengqiao/geo';
import { evaluateHealth, type CheckResult, type HealthCheck } from '@fengqiao/process';
import { CONFIG, DB_POOL } from '../infra/tokens';
import { AlertStreamConsumer } from '../live/alert-stream.consumer';

const VERSION = '0.1.0';

/**
 * The API's side of the one health contract (libs/process): the database answers within the
 * configured timeout, the brokers answer a metadata request, and the live alert stream runs. Kafka
 * away: REST still serves (it needs only the database), the verdict is degraded.
 */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();
  private readonly checks: readonly HealthCheck[];

  constructor(
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
    @Inject(DB_POOL) pool: DbPool,
    alerts: AlertStreamConsumer,
  ) {
    const ping = new DbPing(pool, config.tuning.health.dbTimeoutMs);
    this.checks = [
      { name: 'postgres', check: () => ping.check() },
      // Which engine answers: TimescaleDB, or plain PostgreSQL (the stack's loud fallback).
      {
        name: 'postgres-engine',
        check: async () => {
          const engine = await probeEngine(pool).catch(() => undefined);
          const detail = engine === undefined ? 'no answer' : describeEngine(engine);
          return { ok: engine !== undefined, detail };
        },
      },
      { name: 'kafka', check: () => this.kafka() },
      {
        name: 'live-alerts',
        check: () => {
          const state = alerts.state();
          return { ok: state === 'running', detail: state };
        },
      },
    ];
  }

  async check(): Promise<HealthResponse> {
    const timeoutMs = 2 * this.config.tuning.health.dbTimeoutMs;
    const report = await evaluateHealth(this.checks, this.startedAt, timeoutMs);
    const city = { code: cityRegionCode(this.config.city.code), name: cityNameOf(this.config.city) };
    return { ...report, version: VERSION, components: [...report.components], city };
  }

  private async kafka(): Promise<CheckResult> {
    const k = await probeKafka(this.config.kafka.brokers, this.config.tuning.health.dbTimeoutMs);
    return { ok: k.ok, detail: k.ok ? `${k.brokers} broker(s), ${k.topics} topics` : 'unreachable' };
  }
}
