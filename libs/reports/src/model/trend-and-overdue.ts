import { maskParty, type ReportPeriod } from '@fengqiao/contracts';
import { cityDateTime, dateOfDayNumber, DAY_MS, dayNumberOf, HOUR_MS } from '@fengqiao/domain';
import { categoryLabel, TIER_LABELS } from '../labels';
import { type Range, within } from './case-figures';
import { type CaseFact } from './report-input';
import { type OverdueRow, type TrendPoint } from './report-model';

/** The overdue table lists this many; the total is shown beside it. */
export const OVERDUE_LISTED = 20;

/** Cases in and finished per hour (a daily report) or per day (weekly and monthly reports). */
export function trend(cases: readonly CaseFact[], period: ReportPeriod, range: Range): TrendPoint[] {
  const step = period.kind === 'day' ? HOUR_MS : DAY_MS;
  const buckets = Math.round((range.to - range.from) / step);
  const casesIn = new Array<number>(buckets).fill(0);
  const closed = new Array<number>(buckets).fill(0);
  const slot = (t: number): number => Math.floor((t - range.from) / step);
  for (const c of cases) {
    if (within(c.reportedAt, range)) casesIn[slot(c.reportedAt)]! += 1;
    if (c.doneAt !== null && within(c.doneAt, range)) closed[slot(c.doneAt)]! += 1;
  }
  const first = dayNumberOf(period.start);
  return casesIn.map((n, i) => ({
    label: period.kind === 'day' ? `${String(i).padStart(2, '0')}时` : dateOfDayNumber(first + i).slice(5),
    casesIn: n,
    closed: closed[i] ?? 0,
  }));
}

/** Cases open at the end of the period whose promise fell due before it, most overdue first. */
export function overdue(
  cases: readonly CaseFact[],
  endMs: number,
  dueAt: (c: CaseFact) => number | null,
  keptAt: (c: CaseFact) => number | null,
  nameOf: (region: string | null) => string,
): OverdueRow[] {
  const rows: (OverdueRow & { readonly dueMs: number })[] = [];
  for (const c of cases) {
    const due = dueAt(c);
    const kept = keptAt(c);
    const open = c.reportedAt < endMs && (c.doneAt === null || c.doneAt >= endMs);
    if (!open || due === null || due >= endMs || (kept !== null && kept <= due)) continue;
    rows.push({
      caseId: c.caseId,
      regionName: nameOf(c.subRegion),
      category: categoryLabel(c.category),
      tier: c.tier === null ? '未分级' : TIER_LABELS[c.tier],
      dueAt: cityDateTime(due),
      overdueDays: Math.floor(((endMs - due) / DAY_MS) * 10) / 10,
      party: c.party === null ? null : maskParty(c.party),
      dueMs: due,
    });
  }
  return rows
    .sort((a, b) => a.dueMs - b.dueMs || a.caseId.localeCompare(b.caseId))
    .map(({ dueMs: _, ...r }) => r);
}
