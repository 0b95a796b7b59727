import { randomUUID } from 'node:crypto';
import { type CaseEvent } from '@fengqiao/contracts';
import { aCaseReported, testConfig } from '@fengqiao/testing';
import { type IngestApp } from '../ingest-app';
import { createHarness, eventually, startIngest, type IngestHarness } from '../testing/ingest-harness';

// Issue 17 #11: a case step (triaged and later) is never stored without its case. Before, a
// `triaged` whose `reported` had been dead-lettered was stored anyway: an orphan row, a case that
// never appeared. Now such a step is dead-lettered (kept, with its reason), and a step whose
// `reported` comes in the same flush or was stored earlier is stored as before.
const caseIdOf = (n: number): string =>
  `C511923-20261206-8${String(n).padStart(2, '0')}${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;

function triagedOf(reported: CaseEvent): CaseEvent {
  return {
    schema: 'case.event.v1',
    eventId: randomUUID(),
    caseId: reported.caseId,
    occurredAt: new Date(Date.parse(reported.occurredAt) + 1).toISOString(),
    channel: reported.channel,
    region: reported.region,
    type: 'triaged',
    category: 'neighbourhood',
    tier: 'simple',
    department: '司法局',
  };
}

describe('ingest: a case step without its case', () => {
  const config = testConfig();
  let h: IngestHarness;
  let app: IngestApp;
  const region = { county: '511923', township: '511923077' };

  beforeAll(async () => {
    h = await createHarness(config);
    ({ app } = await startIngest(config, h));
  });
  afterAll(async () => {
    await app.stop();
    await h.stop();
  });

  const stored = async (ids: string[]): Promise<number> => {
    const res = await h.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM case_events WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    return res.rows[0]?.n ?? 0;
  };

  it('dead-letters a triaged event whose case has no reported event, with the reason, and stores none of it', async () => {
    const lost = aCaseReported({ caseId: caseIdOf(1), region });
    const orphan = triagedOf(lost);
    await h.produce('case', [orphan]);
    const [letter] = await h.readDeadLetters('case', 1);
    expect(letter).toMatchObject({ code: 'UNKNOWN_CASE', sourceTopic: h.topics.byKind.case });
    expect(letter?.reason).toMatch(/^caseId: no reported event/);
    expect(JSON.parse(letter?.value?.toString() ?? '{}')).toEqual(orphan);
    expect(await stored([orphan.eventId])).toBe(0);
    const cases = await h.pool.query('SELECT 1 FROM cases WHERE case_id = $1', [lost.caseId]);
    expect(cases.rowCount).toBe(0);
  });

  it('stores a step whose reported event is in the same flush, and a later step of a stored case', async () => {
    const reported = aCaseReported({ caseId: caseIdOf(2), region });
    const triaged = triagedOf(reported);
    await h.produce('case', [reported, triaged]);
    await eventually(async () => (await stored([reported.eventId, triaged.eventId])) === 2, 30_000, 'both');
    const later: CaseEvent = {
      schema: 'case.event.v1',
      eventId: randomUUID(),
      caseId: reported.caseId,
      occurredAt: new Date(Date.parse(triaged.occurredAt) + 1000).toISOString(),
      channel: reported.channel,
      region,
      type: 'assigned',
      department: '司法局',
      assignee: '调解员王',
    };
    await h.produce('case', [later]);
    await eventually(async () => (await stored([later.eventId])) === 1, 30_000, 'the later step');
    const row = await h.pool.query<{ state: string }>('SELECT state FROM cases WHERE case_id = $1', [
      reported.caseId,
    ]);
    expect(row.rows[0]?.state).toBe('assigned');
  });
});
