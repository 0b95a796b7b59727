import { type QuarterlyScorecard } from '@fengqiao/contracts';
import { type Queryable } from '../transaction';

/** A stored quarterly assessment. */
export interface StoredAssessment {
  readonly quarter: string;
  readonly generatedAt: Date;
  readonly scorecard: QuarterlyScorecard;
  readonly html: string;
}

/** The assessment_reports table: one query per method. */
export class AssessmentReportsRepository {
  async exists(db: Queryable, quarter: string): Promise<boolean> {
    const res = await db.query('SELECT 1 FROM assessment_reports WHERE quarter = $1', [quarter]);
    return res.rowCount === 1;
  }

  /** Stores a completed quarter's assessment; false when one was already there (kept as it was). */
  async save(db: Queryable, s: StoredAssessment): Promise<boolean> {
    const res = await db.query(
      `INSERT INTO assessment_reports (quarter, period_start, period_end, generated_at, scorecard, html)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (quarter) DO NOTHING`,
      [s.quarter, s.scorecard.quarter.start, s.scorecard.quarter.end, s.generatedAt, s.scorecard, s.html],
    );
    return res.rowCount === 1;
  }

  async find(db: Queryable, quarter: string): Promise<StoredAssessment | undefined> {
    const res = await db.query<{
      quarter: string;
      generated_at: Date;
      scorecard: QuarterlyScorecard;
      html: string;
    }>('SELECT quarter, generated_at, scorecard, html FROM assessment_reports WHERE quarter = $1', [quarter]);
    const r = res.rows[0];
    return r === undefined
      ? undefined
      : { quarter: r.quarter, generatedAt: r.generated_at, scorecard: r.scorecard, html: r.html };
  }
}
