import {
  type AlertColour,
  type MaskedParty,
  type ReportLevel,
  type ReportPeriod,
  type ReportSummary,
  type ServiceTier,
  type SiteTypeRow,
} from '@fengqiao/contracts';

/** One row per category: cases reported and cases finished in the period. */
export interface CategoryRow {
  readonly category: string;
  readonly label: string;
  readonly casesIn: number;
  readonly closed: number;
}

/** One row per service tier; `onTime` + `late` = the tier's cases whose promise came due or was kept. */
export interface TierRow {
  readonly tier: ServiceTier;
  readonly label: string;
  readonly promise: string;
  readonly casesIn: number;
  readonly closed: number;
  readonly onTime: number;
  readonly late: number;
  /** onTime / (onTime + late); null when no case of the tier was judged. */
  readonly onTimeRate: number | null;
}

/** Mean reported → finished time of the cases finished in a period, in hours. */
export interface CycleTime {
  readonly averageHours: number | null;
  readonly previousAverageHours: number | null;
  /** Relative change in percent, one decimal; null without both figures. */
  readonly changePercent: number | null;
}

export interface Change {
  readonly current: number;
  readonly previous: number;
  readonly changePercent: number | null;
}

export interface TrendPoint {
  readonly label: string;
  readonly casesIn: number;
  readonly closed: number;
}

export interface HotspotRow {
  readonly region: string;
  readonly name: string;
  readonly casesIn: number;
  readonly previous: number;
  readonly topCategory: string | null;
  readonly riskFlagged: number;
  readonly offlineCameras: number;
  readonly cameras: number;
  readonly analytics: number | null;
  /** Why it ranks high, in Chinese, most telling first. */
  readonly factors: readonly string[];
}

export interface AlertRow {
  readonly colour: AlertColour;
  readonly label: string;
  readonly raised: number;
  readonly acknowledged: number;
  readonly resolved: number;
  /** Mean time to acknowledge / resolve, minutes; null when none was. */
  readonly mttaMinutes: number | null;
  readonly mttrMinutes: number | null;
}

export interface CameraHealth {
  readonly total: number;
  readonly online: number;
  readonly offline: number;
  readonly onlineRate: number | null;
  /** Sub-regions with the most cameras offline. */
  readonly worst: readonly { region: string; name: string; total: number; offline: number }[];
}

/** An open case past its promise at the end of the period; personal data masked. */
export interface OverdueRow {
  readonly caseId: string;
  readonly regionName: string;
  readonly category: string;
  readonly tier: string;
  readonly dueAt: string;
  readonly overdueDays: number;
  readonly party: MaskedParty | null;
}

/** Everything a report shows, computed; the HTML is a pure function of it. */
export interface ReportModel {
  readonly title: string;
  readonly level: ReportLevel;
  readonly region: string;
  readonly regionName: string;
  readonly period: ReportPeriod;
  readonly generatedAt: string;
  readonly casesIn: Change;
  readonly casesClosed: number;
  readonly yearOnYear: Change;
  readonly onTimeRate: number | null;
  readonly cycleTime: CycleTime;
  readonly byCategory: readonly CategoryRow[];
  readonly byTier: readonly TierRow[];
  readonly trend: readonly TrendPoint[];
  readonly hotspots: readonly HotspotRow[];
  readonly alerts: readonly AlertRow[];
  readonly cameras: CameraHealth;
  /** Cameras per site type (count, online rate, township coverage); empty where not measured. */
  readonly siteTypes: readonly SiteTypeRow[];
  readonly overdue: readonly OverdueRow[];
  readonly overdueTotal: number;
  readonly summary: ReportSummary;
}
