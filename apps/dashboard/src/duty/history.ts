import { type AlertHistoryEntry } from '@fengqiao/contracts';
import { ESCALATION_LEVELS, type EscalationLevel } from '@fengqiao/contracts';
import { cityClockTime, cityDateOf } from '@fengqiao/domain';
import { type Lang } from '../i18n/strings';
import { dutyStringsFor } from './duty-strings';

/** One history entry as the officer reads it: local time, what happened, who, and the note. */
export interface HistoryLine {
  readonly time: string;
  readonly what: string;
  readonly who: string;
  readonly note?: string;
}

/**
 * An alert's history entry in the screen's language: the change by name, the person's name where the
 * console knows it (else their role), Beijing date and time whatever the browser's zone.
 */
export function historyLine(
  entry: AlertHistoryEntry,
  lang: Lang,
  names: ReadonlyMap<string, string>,
  unitName: (ref: string) => string | undefined = () => undefined,
): HistoryLine {
  const t = dutyStringsFor(lang);
  const actor = entry.actor;
  const roleName =
    actor === undefined ? t.system : ((t.role as Record<string, string>)[actor.role] ?? actor.role);
  const name = actor === undefined ? undefined : (actor.name ?? names.get(actor.userId));
  const ms = Date.parse(entry.occurredAt);
  const note =
    entry.change === 'escalated'
      ? escalationNote(entry.note, lang)
      : entry.change === 'dispatched'
        ? dispatchNote(entry.note, lang, unitName)
        : entry.note;
  return {
    time: `${cityDateOf(ms)} ${cityClockTime(ms)}`,
    what: t.change[entry.change],
    who: name === undefined ? roleName : lang === 'en' ? `${name} (${roleName})` : `${name}（${roleName}）`,
    ...(note === undefined ? {} : { note }),
  };
}

/** The API writes an escalation's note as `to <level>: <officer's note>`; the level is named here. */
function escalationNote(note: string | undefined, lang: Lang): string | undefined {
  const m = note === undefined ? null : /^to (\w+)(?:: ([\s\S]*))?$/.exec(note);
  const level = m?.[1];
  if (m === null || level === undefined || !(ESCALATION_LEVELS as readonly string[]).includes(level))
    return note;
  const head = dutyStringsFor(lang).escalateTo(dutyStringsFor(lang).level[level as EscalationLevel]);
  return m[2] === undefined ? head : `${head}: ${m[2]}`;
}

/** A dispatch's note is `unit <unit>[: <officer's note>]`; the unit is named (its place too) when known. */
function dispatchNote(
  note: string | undefined,
  lang: Lang,
  unitName: (ref: string) => string | undefined,
): string | undefined {
  const m = note === undefined ? null : /^unit ([^:]+)(?:: ([\s\S]*))?$/.exec(note);
  const ref = m?.[1];
  if (m === null || ref === undefined) return note;
  const head = dutyStringsFor(lang).dispatchTo(unitName(ref) ?? ref);
  return m[2] === undefined ? head : `${head}: ${m[2]}`;
}
