import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type HealthResponse } from '@fengqiao/contracts';
import { type DbPool } from '@fengqiao/db';
import { probeKafka } from '@fengqiao/kafka';
import { CONFIG, DB_POOL } from '../infra/tokens';

const VERSION = '0.1.0';

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
    @Inject(DB_POOL) private readonly pool: DbPool,
  ) {}

  async check(): Promise<HealthResponse> {
    const [db, kafka] = await Promise.all([
      this.checkDatabase(),
      probeKafka(this.config.kafka.brokers, 1500),
    ]);
    const components = [
      db,
      {
        name: 'kafka',
        ok: kafka.ok,
        detail: kafka.ok ? `${kafka.brokers} broker(s), ${kafka.topics} topics` : 'unreachable',
      },
    ];
    return {
      status: components.every((c) => c.ok) ? 'ok' : 'degraded',
      version: VERSION,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      components,
    };
  }

  private async checkDatabase(): Promise<HealthResponse['components'][number]> {
    try {
      const res = await this.pool.query<{ migrations: number }>(
        'SELECT count(*)::int AS migrations FROM fq_schema_migrations',
      );
      return { name: 'postgres', ok: true, detail: `${res.rows[0]?.migrations ?? 0} migrations applied` };
    } catch {
      return { name: 'postgres', ok: false, detail: 'unreachable' };
    }
  }
}
