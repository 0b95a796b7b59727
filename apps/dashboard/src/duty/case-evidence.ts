import { type AlertEvidenceCaseEvent } from '@fengqiao/contracts';
import { cityDateTime } from '@fengqiao/domain';

/** The words a case event is read with: its kind, its category and its township by code. */
export interface CaseEvidenceNames {
  readonly kind: (type: AlertEvidenceCaseEvent['type']) => string;
  readonly category: (code: string) => string;
  readonly place: (code: string) => string;
}

/** One case event of an alert's evidence as a person reads it (never personal data: it has none). */
export interface CaseEvidenceLine {
  /** City time, `YYYY-MM-DD HH:MM`: a case event may be days older than the alert. */
  readonly time: string;
  readonly caseId: string;
  readonly kind: string;
  readonly category?: string;
  readonly place: string;
  /** The township's code, shown on hover. */
  readonly placeCode: string;
}

export function caseEvidenceLine(e: AlertEvidenceCaseEvent, names: CaseEvidenceNames): CaseEvidenceLine {
  return {
    time: cityDateTime(Date.parse(e.occurredAt)),
    caseId: e.caseId,
    kind: names.kind(e.type),
    ...(e.category === undefined ? {} : { category: names.category(e.category) }),
    place: names.place(e.township),
    placeCode: e.township,
  };
}

/** The evidence ids that are neither camera nor case events: kept behind the fold, at most 20. */
export function otherEvidenceIds(
  evidence: readonly string[],
  shown: readonly { readonly eventId: string }[],
): readonly string[] {
  const known = new Set(shown.map((e) => e.eventId));
  return evidence.filter((id) => !known.has(id)).slice(0, 20);
}
