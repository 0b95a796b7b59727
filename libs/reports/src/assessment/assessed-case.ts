import { type CaseFact } from '../model/report-input';
import { type Quarter } from './quarter';

/** A case as the assessment reads it from the KPI facts: the report fact plus what a quarter scores. */
export interface AssessedCase extends CaseFact {
  readonly township: string;
  readonly closedAt: number | null;
  /** Closing satisfaction 1..5; null when the party gave none. */
  readonly satisfaction: number | null;
  /** Went through the joint mediation team (mediator + legal adviser + counselor). */
  readonly jointMediation: boolean;
}

/** A township center of the registry, with its county. */
export interface AssessedTownship {
  readonly code: string;
  readonly name: string;
  readonly county: string;
  readonly countyName: string;
}

/** Everything a quarterly scorecard is computed from; `now` is when it is computed. */
export interface ScorecardInput {
  readonly quarter: Quarter;
  readonly now: number;
  readonly townships: readonly AssessedTownship[];
  /** Every case reported from the lookback before the quarter to its end (open ones included). */
  readonly cases: readonly AssessedCase[];
}
