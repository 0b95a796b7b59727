import { maskFreeText, type CaseSummary, type CaseTimelineEntry, type UserRole } from '@fengqiao/contracts';

/**
 * What an unattended wall display may show of a case (docs/security.md, "who sees what"): no
 * free-text summary (names the system does not know cannot be masked in it), and timeline details
 * with the case's own party names, mobiles and ID numbers masked. Other roles see the case as is,
 * parties masked unless revealed.
 */
export const isWall = (role: UserRole): boolean => role === 'wall';

/** What the wall may search cases by: the start of a case id, never words of a summary. */
export const isCaseIdPrefix = (text: string): boolean => /^C[\d-]*$/.test(text);

export function wallCaseSummary(c: CaseSummary): CaseSummary {
  return { ...c, summary: '' };
}

export function wallTimelineEntry(e: CaseTimelineEntry, partyNames: readonly string[]): CaseTimelineEntry {
  const detail = Object.fromEntries(
    Object.entries(e.detail)
      .filter(([k]) => k !== 'summary')
      .map(([k, v]) => [k, maskDeep(v, partyNames)]),
  );
  return { ...e, detail };
}

function maskDeep(v: unknown, names: readonly string[]): unknown {
  if (typeof v === 'string') return maskFreeText(v, names);
  if (Array.isArray(v)) return v.map((x) => maskDeep(x, names));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskDeep(x, names)]));
  return v;
}
