import { z } from 'zod';
import { dutyShiftSchema, rosterRegionSchema } from '@fengqiao/contracts';
import { type RosterException, type RosterPattern } from './roster';
import { type Shift } from './shifts';

const holders = {
  primaryUserId: z.string().uuid(),
  backupUserId: z.string().uuid().nullable(),
};

/** One weekday of a region's weekly pattern for one shift, with who holds it. */
const rosterSlotSchema = z
  .object({
    regionCode: rosterRegionSchema,
    shift: dutyShiftSchema,
    /** 0 = Sunday … 6 = Saturday (city calendar). */
    weekday: z.number().int().min(0).max(6),
    ...holders,
  })
  .strict();

/** One city date's shift held by someone else (leave, swap), and why. */
const rosterExceptionEntrySchema = z
  .object({
    regionCode: rosterRegionSchema,
    shift: dutyShiftSchema,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
    ...holders,
    reason: z.string().min(1).max(200),
  })
  .strict();

/**
 * The duty roster as one versioned document (`duty_roster_versions`, decision 0016): every region's
 * weekly pattern and exceptions. A shift of a region has at most one holder per weekday and per date,
 * and a backup is another person.
 */
export const dutyRosterSchema = z
  .object({ patterns: z.array(rosterSlotSchema), exceptions: z.array(rosterExceptionEntrySchema) })
  .strict()
  .superRefine((roster, ctx) => {
    const seen = new Set<string>();
    const check = (
      kind: 'patterns' | 'exceptions',
      i: number,
      key: string,
      h: { primaryUserId: string; backupUserId: string | null },
    ): void => {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [kind, i], message: `${key} held twice` });
      seen.add(key);
      if (h.backupUserId === h.primaryUserId)
        ctx.addIssue({
          code: 'custom',
          path: [kind, i, 'backupUserId'],
          message: 'the backup is another person',
        });
    };
    roster.patterns.forEach((p, i) =>
      check('patterns', i, `${p.regionCode}/${p.shift}/weekday ${p.weekday}`, p),
    );
    roster.exceptions.forEach((e, i) => check('exceptions', i, `${e.regionCode}/${e.shift}/${e.date}`, e));
  });
export type DutyRoster = z.infer<typeof dutyRosterSchema>;
export type RosterSlot = DutyRoster['patterns'][number];
export type RosterExceptionEntry = DutyRoster['exceptions'][number];

/** The roster before any version was stored. */
export const EMPTY_ROSTER: DutyRoster = { patterns: [], exceptions: [] };

/** A stored roster that does not parse: its problems, each with its path. */
export class RosterDocumentError extends Error {
  readonly code = 'INVALID_DUTY_ROSTER';

  constructor(readonly problems: readonly { path: string; message: string }[]) {
    super(`invalid duty roster: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'RosterDocumentError';
  }
}

/** Checks a stored or new roster document; throws RosterDocumentError naming each problem. */
export function parseDutyRoster(raw: unknown): DutyRoster {
  const r = dutyRosterSchema.safeParse(raw);
  if (r.success) return r.data;
  throw new RosterDocumentError(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

const byPattern = (a: RosterSlot, b: RosterSlot): number =>
  a.regionCode.localeCompare(b.regionCode) || a.shift.localeCompare(b.shift) || a.weekday - b.weekday;
const byException = (a: RosterExceptionEntry, b: RosterExceptionEntry): number =>
  a.date.localeCompare(b.date) || a.regionCode.localeCompare(b.regionCode) || a.shift.localeCompare(b.shift);

interface ShiftChange {
  readonly regionCode: string;
  readonly shift: Shift;
  readonly weekdays: readonly number[];
}

/** The roster with these weekdays of the region's shift held by primary and backup (replacing them). */
export function withPattern(
  roster: DutyRoster,
  c: ShiftChange & { readonly primaryUserId: string; readonly backupUserId: string | null },
): DutyRoster {
  const added = [...new Set(c.weekdays)].map((weekday) => ({
    regionCode: c.regionCode,
    shift: c.shift,
    weekday,
    primaryUserId: c.primaryUserId,
    backupUserId: c.backupUserId,
  }));
  const rest = withoutPattern(roster, c);
  return { ...rest, patterns: [...rest.patterns, ...added].sort(byPattern) };
}

/** The roster without these weekdays of the region's shift. */
export function withoutPattern(roster: DutyRoster, c: ShiftChange): DutyRoster {
  const hit = (p: RosterSlot): boolean =>
    p.regionCode === c.regionCode && p.shift === c.shift && c.weekdays.includes(p.weekday);
  return { ...roster, patterns: roster.patterns.filter((p) => !hit(p)) };
}

/** The roster with this exception (replacing one for the same region, shift and date). */
export function withException(roster: DutyRoster, e: RosterExceptionEntry): DutyRoster {
  const same = (x: RosterExceptionEntry): boolean =>
    x.regionCode === e.regionCode && x.shift === e.shift && x.date === e.date;
  return { ...roster, exceptions: [...roster.exceptions.filter((x) => !same(x)), e].sort(byException) };
}

/**
 * The roster without exceptions for dates before `fromDate` (a new version need not carry them: the
 * shift holding "now" began at most the day before; the retired versions keep them).
 */
export function withoutExceptionsBefore(roster: DutyRoster, fromDate: string): DutyRoster {
  return { ...roster, exceptions: roster.exceptions.filter((e) => e.date >= fromDate) };
}

/** The roster's parts of the given regions (null: all), as `onDutyAt` reads them. */
export function rosterOf(
  roster: DutyRoster,
  regions: ReadonlySet<string> | null,
): { patterns: RosterPattern[]; exceptions: RosterException[] } {
  const keep = (code: string): boolean => regions === null || regions.has(code);
  return {
    patterns: roster.patterns
      .filter((p) => keep(p.regionCode))
      .map(({ weekday, ...p }) => ({ ...p, weekdays: [weekday] })),
    exceptions: roster.exceptions.filter((e) => keep(e.regionCode)),
  };
}
