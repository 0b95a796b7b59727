import { type DutyPerson, type OnDutyNow, type RosterResponse } from '@fengqiao/contracts';
import { type PersonRow, type RosterExceptionRow, type RosterRow } from '@fengqiao/db';
import { onDutyAt, type RosterException, type RosterPattern } from '@fengqiao/notify';

export type People = ReadonlyMap<string, PersonRow>;

export function personOf(people: People, userId: string): DutyPerson {
  return { userId, displayName: people.get(userId)?.display_name ?? userId };
}

const orNull = (people: People, id: string | null): DutyPerson | null =>
  id === null ? null : personOf(people, id);

/** Stored rows → the API's roster answer. */
export function rosterResponseOf(
  patterns: readonly RosterRow[],
  exceptions: readonly RosterExceptionRow[],
  people: People,
): RosterResponse {
  return {
    patterns: patterns.map((p) => ({
      regionCode: p.region_code,
      shift: p.shift,
      weekday: p.weekday,
      primary: personOf(people, p.primary_user_id),
      backup: orNull(people, p.backup_user_id),
    })),
    exceptions: exceptions.map((e) => ({
      regionCode: e.region_code,
      shift: e.shift,
      date: e.on_date,
      primary: personOf(people, e.primary_user_id),
      backup: orNull(people, e.backup_user_id),
      reason: e.reason,
    })),
  };
}

/** Who holds each region's shift at `nowMs` (libs/notify's rule, the city clock). */
export function onDutyItems(
  patterns: readonly RosterRow[],
  exceptions: readonly RosterExceptionRow[],
  people: People,
  names: ReadonlyMap<string, string>,
  nowMs: number,
): OnDutyNow['items'] {
  const p: RosterPattern[] = patterns.map((r) => ({
    regionCode: r.region_code,
    shift: r.shift,
    weekdays: [r.weekday],
    primaryUserId: r.primary_user_id,
    backupUserId: r.backup_user_id,
  }));
  const e: RosterException[] = exceptions.map((r) => ({
    regionCode: r.region_code,
    shift: r.shift,
    date: r.on_date,
    primaryUserId: r.primary_user_id,
    backupUserId: r.backup_user_id,
  }));
  const regions = [...new Set([...p, ...e].map((r) => r.regionCode))].sort();
  return regions.flatMap((code) => {
    const duty = onDutyAt(p, e, code, nowMs);
    if (duty === undefined) return [];
    return [
      {
        regionCode: code,
        regionName: code === 'city' ? '巴中市' : (names.get(code) ?? code),
        shift: duty.slot.shift,
        shiftDate: duty.slot.date,
        endsAt: new Date(duty.slot.endsAt).toISOString(),
        primary: personOf(people, duty.primaryUserId),
        backup: orNull(people, duty.backupUserId),
        source: duty.source,
      },
    ];
  });
}
