import {
  type AlertColour,
  type ReportLevel,
  type ReportPeriod,
  type RuleSetInput,
  type ServiceTier,
  type SiteTypeRow,
} from '@fengqiao/contracts';

/**
 * What the store knows about one case, reduced to the instants a report needs (epoch ms). The
 * loader returns every case of the region that was reported or finished in the period or the one
 * before it, or was still open at the period's end.
 */
export interface CaseFact {
  readonly caseId: string;
  readonly category: string;
  /** Latest triage; null while untriaged. */
  readonly tier: ServiceTier | null;
  /** The region one level below the report's (null at grid level or when unknown). */
  readonly subRegion: string | null;
  readonly reportedAt: number;
  readonly triagedAt: number | null;
  /**
   * First event that stops a tier clock without finishing the case (per the rule set: a leader
   * taking charge, an escalation): the promise a major dispute is held to.
   */
  readonly assignedAt: number | null;
  /** First resolution or closure after the last reopening (when the case was finished); null while open. */
  readonly doneAt: number | null;
  /** Any of violence risk, extreme words, group petition or repeat visits at intake. */
  readonly riskFlagged: boolean;
  /**
   * First party of a case still open at the period's end (for the masked overdue list); the
   * loader fetches nothing for the others, and never an ID number.
   */
  readonly party: { readonly name: string; readonly phone?: string } | null;
}

/** One alert raised in the period. */
export interface AlertFact {
  readonly colour: AlertColour;
  readonly raisedAt: number;
  readonly acknowledgedAt: number | null;
  readonly resolvedAt: number | null;
}

/** Camera counts of one sub-region (latest known state). */
export interface CameraCount {
  readonly region: string;
  readonly total: number;
  readonly offline: number;
}

/** Everything a report is computed from; `now` is when it is generated. */
export interface ReportInput {
  readonly level: ReportLevel;
  readonly region: string;
  readonly regionName: string | null;
  readonly period: ReportPeriod;
  readonly now: number;
  readonly cases: readonly CaseFact[];
  /** Cases reported over the same dates one year earlier. */
  readonly lastYearCasesIn: number;
  readonly alerts: readonly AlertFact[];
  /** Per sub-region (one row with the region itself at grid level). */
  readonly cameras: readonly CameraCount[];
  /** Video-analytics events per sub-region in the period, where the rollups know them. */
  readonly analyticsBySubRegion: Readonly<Record<string, number>>;
  readonly subRegionNames: Readonly<Record<string, string>>;
  /**
   * Camera count, online rate and township coverage per site type (domain.md's video network),
   * where the registry scopes them (city, county, township); absent at village and grid level.
   */
  readonly siteTypes?: readonly SiteTypeRow[];
  /**
   * The rule set whose deadline rules judge the cases: the ACTIVE one when the loader read the
   * store (the one the KPI tiles, the cases list and the engine use); the default when absent.
   */
  readonly ruleSet?: RuleSetInput;
}
