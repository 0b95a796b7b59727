import { DAY_MS } from '@fengqiao/domain';
import { type DeadlineDue } from '@fengqiao/contracts';
import { type DeadlineGroupRow } from '@fengqiao/db';
import { type KpiDeadlines } from './deadline-specs';

/** Promises that fell due on one day, and how many were kept. */
export interface DueCount {
  readonly key: string;
  /** Beijing day number (days since 1970-01-01 local) the promise fell due. */
  readonly dueDay: number;
  readonly due: number;
  readonly onTime: number;
}

const dayNumber = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

function dueOfKey(d: KpiDeadlines, key: string): DeadlineDue | undefined {
  if (key === 'routing') return d.routing.due;
  return Object.entries(d.tiers).find(([tier]) => tier === key)?.[1].due;
}

/** Working days: the due instant is the end of a day; a stop on that day or earlier kept it. */
function judgeWorking(row: DeadlineGroupRow, d: KpiDeadlines, now: number): DueCount | undefined {
  const due = dueOfKey(d, row.key);
  if (due?.unit !== 'working-days') return undefined;
  const cal = d.calendar;
  const startMs = dayNumber(row.day) * DAY_MS - cal.offsetMs;
  const dueEnd = cal.addWorkingDays(startMs, due.count);
  if (dueEnd > now) return undefined;
  const dueDay = cal.dayOf(dueEnd - 1);
  const kept = row.stop_day !== null && dayNumber(row.stop_day) <= dueDay;
  return { key: row.key, dueDay, due: row.n, onTime: kept ? row.n : 0 };
}

/** Turns grouped rows into counts per (key, due day), only for promises already due at `now`. */
export function judgeGroups(rows: readonly DeadlineGroupRow[], d: KpiDeadlines, now: number): DueCount[] {
  const merged = new Map<string, DueCount>();
  for (const row of rows) {
    const c = row.working
      ? judgeWorking(row, d, now)
      : { key: row.key, dueDay: dayNumber(row.day), due: row.due_fixed, onTime: row.on_time_fixed };
    if (c === undefined || c.due === 0) continue;
    const id = `${c.key}/${c.dueDay}`;
    const prev = merged.get(id);
    merged.set(
      id,
      prev === undefined ? c : { ...prev, due: prev.due + c.due, onTime: prev.onTime + c.onTime },
    );
  }
  return [...merged.values()];
}

/** on-time ÷ due, 4 decimals; null when nothing fell due. */
export function rateOf(onTime: number, due: number): number | null {
  return due === 0 ? null : Math.round((onTime / due) * 10_000) / 10_000;
}
