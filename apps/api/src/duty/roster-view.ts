import { type DutyPerson, type OnDutyNow, type RosterResponse } from '@fengqiao/contracts';
import { type PersonRow } from '@fengqiao/db';
import { onDutyAt, rosterOf, type DutyRoster } from '@fengqiao/notify';

export type People = ReadonlyMap<string, PersonRow>;

export function personOf(people: People, userId: string): DutyPerson {
  return { userId, displayName: people.get(userId)?.display_name ?? userId };
}

const orNull = (people: People, id: string | null): DutyPerson | null =>
  id === null ? null : personOf(people, id);

/** The stored roster (or the visible part of it) → the API's roster answer. */
export function rosterResponseOf(roster: DutyRoster, people: People): RosterResponse {
  return {
    patterns: roster.patterns.map((p) => ({
      regionCode: p.regionCode,
      shift: p.shift,
      weekday: p.weekday,
      primary: personOf(people, p.primaryUserId),
      backup: orNull(people, p.backupUserId),
    })),
    exceptions: roster.exceptions.map((e) => ({
      regionCode: e.regionCode,
      shift: e.shift,
      date: e.date,
      primary: personOf(people, e.primaryUserId),
      backup: orNull(people, e.backupUserId),
      reason: e.reason,
    })),
  };
}

/** Who holds each region's shift at `nowMs` (libs/notify's rule, the city clock); `cityName`: the `city` row's. */
export function onDutyItems(
  roster: DutyRoster,
  people: People,
  names: ReadonlyMap<string, string>,
  nowMs: number,
  cityName: string,
): OnDutyNow['items'] {
  const { patterns: p, exceptions: e } = rosterOf(roster, null);
  const regions = [...new Set([...p, ...e].map((r) => r.regionCode))].sort();
  return regions.flatMap((code) => {
    const duty = onDutyAt(p, e, code, nowMs);
    if (duty === undefined) return [];
    return [
      {
        regionCode: code,
        regionName: code === 'city' ? cityName : (names.get(code) ?? code),
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
