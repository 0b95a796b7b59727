import { periodContaining } from '@fengqiao/domain';
import { type CaseFact, type ReportInput } from '../model/report-input';

/** Epoch ms of a Beijing local time `YYYY-MM-DDTHH:mm`. */
export const bj = (local: string): number => Date.parse(`${local}:00+08:00`);

export const HOUR = 3_600_000;

let seq = 0;

/** A case in township 511902001 reported at `reportedAt` (Beijing local), overridable field by field. */
export function aCase(reportedAt: string, over: Partial<CaseFact> = {}): CaseFact {
  seq++;
  const reported = bj(reportedAt);
  return {
    caseId: `C511902-20261101-${String(seq).padStart(5, '0')}`,
    category: 'neighbourhood',
    tier: 'general',
    subRegion: '511902001',
    reportedAt: reported,
    triagedAt: reported + HOUR,
    assignedAt: reported + 2 * HOUR,
    doneAt: null,
    riskFlagged: false,
    party: null,
    ...over,
  };
}

/** A county-month input (巴州区, November 2026) with no facts; specs add theirs. */
export function countyMonth(over: Partial<ReportInput> = {}): ReportInput {
  return {
    level: 'county',
    region: '511902',
    regionName: '巴州区',
    period: periodContaining('month', '2026-11-15'),
    now: bj('2026-12-01T02:00'),
    cases: [],
    lastYearCasesIn: 0,
    alerts: [],
    cameras: [],
    analyticsBySubRegion: {},
    subRegionNames: { '511902001': '东城街道', '511902002': '西城街道' },
    ...over,
  };
}
