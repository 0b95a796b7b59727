/** The tables a valid event lands in, one row per event id. */
export type EventTable = 'case_events' | 'camera_status_events' | 'camera_analytics_events';

/** A message produced on purpose to be refused, and the code its dead letter must carry. */
export interface ExpectedDeadLetter {
  readonly topic: string;
  /** The message key: how the dead letter is found again (payloads may not even be text). */
  readonly key: string;
  readonly code: string;
}

/**
 * Everything a fault run produced and everything it must find again afterwards: valid event ids per
 * table, the messages that must be dead-lettered (once, with their code), and the cases whose
 * reports must raise exactly one alert each.
 */
export class FaultLedger {
  readonly events = new Map<EventTable, string[]>();
  readonly deadLetters: ExpectedDeadLetter[] = [];
  /** Case ids whose `reported` event carries a violence risk: one red alert each. */
  readonly alertingCases: string[] = [];

  recordEvent(table: EventTable, eventId: string): void {
    const list = this.events.get(table) ?? [];
    list.push(eventId);
    this.events.set(table, list);
  }

  recordDeadLetter(expected: ExpectedDeadLetter): void {
    this.deadLetters.push(expected);
  }

  recordAlertingCase(caseId: string): void {
    this.alertingCases.push(caseId);
  }

  eventCount(): number {
    let n = 0;
    for (const ids of this.events.values()) n += ids.length;
    return n;
  }
}

/** One line of the printed ledger: what a fault did and what the system kept of the load. */
export interface FaultOutcome {
  readonly fault: string;
  readonly injected: number;
  readonly produced: number;
  readonly stored: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly deadLetters: number;
  readonly deadLettersMissing: number;
  readonly deadLettersDuplicated: number;
  readonly deadLettersWrongCode: number;
  readonly alerts: number;
  readonly alertsMissing: number;
  readonly alertsDuplicated: number;
  readonly falseAlerts: number;
  readonly changes: number;
  readonly wallMissing: number;
  readonly wallDuplicated: number;
  readonly wallOutOfOrder: number;
  readonly stuck: number;
  readonly auditOk: boolean;
  /** From the fault healed to everything reconciled; undefined when it never reconciled. */
  readonly recoverMs: number | undefined;
}

const COLUMNS: [keyof FaultOutcome, string][] = [
  ['fault', 'fault'],
  ['injected', 'inj'],
  ['produced', 'produced'],
  ['stored', 'stored'],
  ['lost', 'lost'],
  ['duplicated', 'dup'],
  ['deadLetters', 'dlq'],
  ['deadLettersMissing', 'dlq lost'],
  ['deadLettersDuplicated', 'dlq dup'],
  ['deadLettersWrongCode', 'dlq code'],
  ['alerts', 'alerts'],
  ['alertsMissing', 'al lost'],
  ['alertsDuplicated', 'al dup'],
  ['falseAlerts', 'false'],
  ['changes', 'changes'],
  ['wallMissing', 'wall lost'],
  ['wallDuplicated', 'wall dup'],
  ['wallOutOfOrder', 'order'],
  ['stuck', 'stuck'],
  ['auditOk', 'audit'],
  ['recoverMs', 'recover s'],
];

function cell(outcome: FaultOutcome, key: keyof FaultOutcome): string {
  const v = outcome[key];
  if (key === 'recoverMs') return v === undefined ? 'never' : ((v as number) / 1000).toFixed(1);
  if (typeof v === 'boolean') return v ? 'ok' : 'BROKEN';
  return String(v);
}

/** The ledger as a fixed-width table, one row per fault (what the tier prints and the docs quote). */
export function formatLedger(outcomes: readonly FaultOutcome[]): string {
  const rows = [COLUMNS.map(([, h]) => h), ...outcomes.map((o) => COLUMNS.map(([k]) => cell(o, k)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The problems of an outcome, in words; empty when nothing was lost, doubled, stuck or broken. */
export function outcomeProblems(o: FaultOutcome): string[] {
  const checks: [boolean, string][] = [
    [o.lost > 0, `${o.lost} event(s) lost`],
    [o.duplicated > 0, `${o.duplicated} event(s) stored twice`],
    [o.deadLettersMissing > 0, `${o.deadLettersMissing} dead letter(s) missing`],
    [o.deadLettersDuplicated > 0, `${o.deadLettersDuplicated} dead letter(s) doubled`],
    [o.deadLettersWrongCode > 0, `${o.deadLettersWrongCode} dead letter(s) with the wrong code`],
    [o.alertsMissing > 0, `${o.alertsMissing} alert(s) never raised`],
    [o.alertsDuplicated > 0, `${o.alertsDuplicated} alert(s) raised twice`],
    [o.falseAlerts > 0, `${o.falseAlerts} false alert(s)`],
    [o.wallMissing > 0, `${o.wallMissing} change(s) never reached the wall`],
    [o.wallDuplicated > 0, `${o.wallDuplicated} change(s) reached the wall twice`],
    [o.wallOutOfOrder > 0, `${o.wallOutOfOrder} change(s) out of order on the wall`],
    [o.stuck > 0, `${o.stuck} alert change(s) stuck unpublished`],
    [!o.auditOk, 'the audit chain does not verify'],
    [o.recoverMs === undefined, 'never recovered'],
  ];
  return checks.filter(([bad]) => bad).map(([, text]) => text);
}
