import { randomInt, randomUUID } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type CaseEvent, caseEventSchema, type ServiceTier, type UserRole } from '@fengqiao/contracts';
import { caseEventRow, createPool, type DbPool, type Queryable } from '@fengqiao/db';
import { testConfig, uniqueName } from '@fengqiao/testing';
import { createApiApp } from '../app.factory';
import { TokenService } from '../auth/token.service';
import { type Clock } from '../infra/api-options';
import { deleteTopic } from '../testing/api-harness';

/** A random test township code (county 511923, 900-984; specs with fixed codes use 985-999). */
function randomTestTownship(): string {
  return `511923${900 + randomInt(0, 85)}`;
}

const claimed = new Set<string>();

/**
 * A township of this test's own, so other suites' rows stay out of scope: one no row of this run's
 * database mentions yet and no earlier claim of this file took (the int tier runs in band, so a
 * check is enough). A bare random draw collided about once in five runs (cases and alerts of
 * another suite counted in this one's tiles).
 */
export async function claimTownship(pool: DbPool): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const code = randomTestTownship();
    if (claimed.has(code)) continue;
    const res = await pool.query<{ used: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM case_events WHERE township = $1)
           OR EXISTS (SELECT 1 FROM alerts WHERE township = $1)
           OR EXISTS (SELECT 1 FROM cameras WHERE township = $1)
           OR EXISTS (SELECT 1 FROM regions WHERE code = $1) AS used`,
      [code],
    );
    if (res.rows[0]?.used === false) {
      claimed.add(code);
      return code;
    }
  }
  throw new Error('no free test township left in 511923900-984: the test database is full of them');
}

export interface CaseStepAt {
  readonly type:
    | 'reported'
    | 'triaged'
    | 'assigned'
    | 'in-mediation'
    | 'leader-assigned'
    | 'escalated'
    | 'resolved'
    | 'closed';
  readonly at: string;
  readonly tier?: ServiceTier;
  readonly satisfaction?: number;
  /** An `in-mediation` step by a joint team (mediator + legal adviser + counselor). */
  readonly joint?: boolean;
  /** The due time the producer fixes on a reported or triaged event (the cases list's clock). */
  readonly dueAt?: string;
}

/** The case event of one step, as a producer would send it. */
export function caseEventOf(caseId: string, township: string, s: CaseStepAt): CaseEvent {
  const base = {
    schema: 'case.event.v1',
    eventId: randomUUID(),
    caseId,
    occurredAt: new Date(s.at).toISOString(),
    channel: 'window',
    region: { county: township.slice(0, 6), township },
  };
  const due = s.dueAt === undefined ? {} : { dueAt: new Date(s.dueAt).toISOString() };
  const byType = {
    reported: {
      category: 'neighbourhood',
      summary: '测试',
      partiesCount: 2,
      riskFlags: {},
      parties: [],
      ...due,
    },
    triaged: { category: 'neighbourhood', tier: s.tier ?? 'general', department: '司法所', ...due },
    assigned: { department: '司法所', assignee: '张某' },
    'in-mediation': { mediator: '调解员001号', joint: s.joint ?? false },
    escalated: { toLevel: 'county', reason: '上报' },
    'leader-assigned': { leader: '王某', reason: '领导包案' },
    resolved: { outcome: 'mediated' },
    closed: s.satisfaction === undefined ? {} : { satisfaction: s.satisfaction },
  }[s.type];
  return caseEventSchema.parse({ ...base, type: s.type, ...byType });
}

/** Stores a case's events as the ingest writer does (the facts follow through the trigger). */
export async function storeCase(
  pool: Queryable,
  township: string,
  steps: readonly CaseStepAt[],
  caseId = `C${township.slice(0, 6)}-20260101-${String(randomInt(0, 99_999)).padStart(5, '0')}`,
): Promise<string> {
  for (const s of steps) {
    const r = caseEventRow(caseEventOf(caseId, township, s));
    await pool.query(
      `INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, village, grid,
                                category, tier, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
      [
        r.eventId,
        r.occurredAt,
        r.caseId,
        r.type,
        r.channel,
        r.county,
        r.township,
        r.village,
        r.grid,
        r.category,
        r.tier,
        r.payload,
      ],
    );
  }
  return caseId;
}

/** An API on a fixed clock, with a way to mint tokens on that clock. */
export interface ClockedApi {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly pool: DbPool;
  readonly config: FengqiaoConfig;
  token(role: UserRole, regions?: readonly string[]): string;
  close(): Promise<void>;
}

export async function startClockedApi(now: Date): Promise<ClockedApi> {
  const config = testConfig();
  const clock: Clock = { now: () => now };
  const alertsTopic = uniqueName('test.alert.changed.v1');
  const app = await createApiApp(config, { clock, options: { alertsTopic }, logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const pool = createPool(config.postgres.url, { max: 3 });
  const tokens = app.get(TokenService);
  return {
    app,
    url,
    pool,
    config,
    token: (role, regions = []) =>
      tokens.issue({
        userId: randomUUID(),
        username: `t-${role}`,
        displayName: 't',
        role,
        regions: [...regions],
      }).token,
    async close() {
      await app.close();
      await pool.end();
      await deleteTopic(config, alertsTopic);
    },
  };
}
