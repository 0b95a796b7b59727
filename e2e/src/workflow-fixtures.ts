import { randomInt, randomUUID } from 'node:crypto';
import { INPUT_TOPICS, caseEventSchema, type CaseEvent, type ServiceTier } from '@fengqiao/contracts';
import { createKafkaClient, KafkaEventPublisher } from '@fengqiao/kafka';
import { testConfig } from '@fengqiao/testing';

const HOUR = 3_600_000;

/** A case whose tier clock is in a chosen state, by where its deadline lies from now. */
export interface ClockFixture {
  readonly tier: ServiceTier;
  readonly summary: string;
  /** When it was triaged (the clock's start) and when it falls due, relative to now. */
  readonly startedHoursAgo: number;
  readonly dueInHours: number;
}

export const CLOCK_FIXTURES = {
  breached: { tier: 'simple', summary: '邻里漏水纠纷，当日未办结', startedHoursAgo: 30, dueInHours: -3 },
  atRisk: { tier: 'general', summary: '拖欠三名工人工资', startedHoursAgo: 110, dueInHours: 2 },
  onTrack: { tier: 'complex', summary: '征地补偿款分配争议', startedHoursAgo: 1, dueInHours: 24 * 40 },
} as const satisfies Record<string, ClockFixture>;

function eventsOf(caseId: string, township: string, f: ClockFixture, now: number): CaseEvent[] {
  const base = {
    schema: 'case.event.v1' as const,
    caseId,
    channel: 'window' as const,
    region: { county: township.slice(0, 6), township },
  };
  const at = new Date(now - f.startedHoursAgo * HOUR).toISOString();
  return [
    caseEventSchema.parse({
      ...base,
      eventId: randomUUID(),
      occurredAt: at,
      type: 'reported',
      category: 'neighbourhood',
      summary: f.summary,
      partiesCount: 2,
      riskFlags: {},
      parties: [{ name: '张建国', phone: '13900002222' }],
    }),
    caseEventSchema.parse({
      ...base,
      eventId: randomUUID(),
      occurredAt: at,
      type: 'triaged',
      category: 'neighbourhood',
      tier: f.tier,
      department: '矛盾纠纷多元化解中心',
      unit: 'dispute-resolution',
      dueAt: new Date(now + f.dueInHours * HOUR).toISOString(),
    }),
  ];
}

/**
 * Produces cases with breached, at-risk and on-track clocks onto the private case topic the spec's
 * ingest reads (sequence numbers in the 9xxxx range, apart from the API's own). Returns their ids.
 */
export async function produceClockCases(
  suffix: string,
  township: string,
): Promise<Record<keyof typeof CLOCK_FIXTURES, string>> {
  const config = testConfig();
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: suffix, log: () => undefined });
  const publisher = new KafkaEventPublisher(kafka);
  const now = Date.now();
  const day = new Date(now + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '');
  const ids = {} as Record<keyof typeof CLOCK_FIXTURES, string>;
  const messages = Object.entries(CLOCK_FIXTURES).flatMap(([k, f]) => {
    const caseId = `C${township.slice(0, 6)}-${day}-${90_000 + randomInt(9_999)}`;
    ids[k as keyof typeof CLOCK_FIXTURES] = caseId;
    return eventsOf(caseId, township, f, now).map((e) => ({ key: caseId, value: JSON.stringify(e) }));
  });
  await publisher.connect();
  try {
    await publisher.publish(`${INPUT_TOPICS.caseEvents.name}.${suffix}`, messages);
  } finally {
    await publisher.disconnect();
  }
  return ids;
}
