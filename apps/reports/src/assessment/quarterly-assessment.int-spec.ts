import { testConfig } from '@fengqiao/testing';
import { AssessmentReportsRepository, createPool, type DbPool } from '@fengqiao/db';
import { aPrivateTownship, insertCaseEvent, registerPlace, type Place } from '../testing/report-fixtures';
import { QuarterlyAssessment } from './quarterly-assessment';

/**
 * The stored quarterly assessment (real PostgreSQL): on 2023-01-10 the last completed quarter is
 * 2022-Q4, a quarter no other suite writes to, so this spec's township is the only one scored.
 */
const NOW = Date.parse('2023-01-10T09:00:00+08:00');
const at = (local: string): string => `2022-12-${local}+08:00`;

describe('QuarterlyAssessment (real PostgreSQL)', () => {
  let pool: DbPool;
  let place: Place;
  const logged: string[] = [];

  beforeAll(async () => {
    pool = createPool(testConfig().postgres.url, { max: 2 });
    place = aPrivateTownship('511922');
    await registerPlace(pool, place);
    await pool.query("DELETE FROM assessment_reports WHERE quarter = '2022-Q4'");
    const caseId = `C${place.county}-20221205-${String(Date.now()).slice(-5)}`;
    // Monday 2022-12-05: routed within the hour, simple, resolved that day, satisfaction 5.
    for (const e of [
      { type: 'reported', at: at('05T09:00:00'), category: 'neighbourhood' },
      { type: 'triaged', at: at('05T10:00:00'), tier: 'simple', category: 'neighbourhood' },
      { type: 'resolved', at: at('05T15:00:00') },
      { type: 'closed', at: at('05T16:00:00'), payload: { satisfaction: 5 } },
    ])
      await insertCaseEvent(pool, place, { caseId, ...e });
  });

  afterAll(async () => {
    await pool.query("DELETE FROM assessment_reports WHERE quarter = '2022-Q4'");
    await pool.query('DELETE FROM regions WHERE starts_with(code, $1)', [place.township]);
    await pool.end();
  });

  it('stores the completed quarter once, with its scorecard and HTML report', async () => {
    const step = new QuarterlyAssessment(
      pool,
      () => NOW,
      (_level, message) => logged.push(message),
    );
    expect(await step.runOnce()).toBe(true);
    expect(await step.runOnce()).toBe(false);
    const stored = await new AssessmentReportsRepository().find(pool, '2022-Q4');
    expect(stored?.scorecard.complete).toBe(true);
    const row = stored?.scorecard.townships[0];
    // Every measure kept (the joint team unused anywhere: that part is left out, not marked down).
    expect(row).toMatchObject({ township: place.township, score: 100, rankInCounty: 1, rankInCity: 1 });
    expect(stored?.html).toContain('2022年第4季度');
    expect(stored?.html).toContain('<td>1</td><td>1</td><td>测试镇</td>');
    expect(stored?.html).toContain('智慧平安小区');
    expect(logged).toEqual(['assessment generated']);
  });
});
