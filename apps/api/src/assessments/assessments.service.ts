import { Inject, Injectable } from '@nestjs/common';
import {
  type CameraSiteTypes,
  type QuarterlyScorecard,
  type QuarterlyScorecardQuery,
} from '@fengqiao/contracts';
import { AssessmentReportsRepository, AssessmentRepository } from '@fengqiao/db';
import { AssessmentError, currentQuarter, quarterOfLabel, siteTypeRows } from '@fengqiao/reports';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { quarterScorecardSoFar } from './quarter-so-far';

/** The HTTP answer of each assessment failure; exhaustive. */
function apiErrorOf(err: AssessmentError): ApiError {
  switch (err.code) {
    case 'QUARTER_INVALID':
    case 'QUARTER_NOT_STARTED':
      return new ApiError('VALIDATION_FAILED', err.message, [{ path: 'quarter', message: err.message }]);
  }
}

/** A township row is in scope when the scope is the city, its county or itself. */
const inScope = (scope: string | null, t: { township: string; county: string }): boolean =>
  scope === null || t.county === scope || t.township === scope;

/**
 * The quarterly township assessment and camera coverage by site type. A completed quarter the
 * reports service has stored is answered from the store (the report and the screen agree); the
 * quarter under way is computed from the KPI facts up to now.
 */
@Injectable()
export class AssessmentsService {
  private readonly facts = new AssessmentRepository();
  private readonly stored = new AssessmentReportsRepository();

  constructor(
    private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async quarterly(q: QuarterlyScorecardQuery, scope: string | null): Promise<QuarterlyScorecard> {
    const now = this.clock.now().getTime();
    try {
      const quarter = q.quarter === undefined ? currentQuarter(now) : quarterOfLabel(q.quarter);
      const card =
        (await this.stored.find(this.db.pool, quarter.label))?.scorecard ??
        (await quarterScorecardSoFar(this.db.pool, quarter, now));
      return { ...card, townships: card.townships.filter((t) => inScope(scope, t)) };
    } catch (err) {
      if (err instanceof AssessmentError) throw apiErrorOf(err);
      throw err;
    }
  }

  async siteTypes(scope: string | null): Promise<CameraSiteTypes> {
    const [counts, townships] = await Promise.all([
      this.facts.siteTypeCounts(this.db.pool, scope),
      this.facts.townshipCount(this.db.pool, scope),
    ]);
    return {
      region: scope,
      townships,
      rows: siteTypeRows(counts, townships),
      asOf: this.clock.now().toISOString(),
    };
  }
}
