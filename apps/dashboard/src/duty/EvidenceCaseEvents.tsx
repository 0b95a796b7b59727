import { type AlertEvidenceCaseEvent } from '@fengqiao/contracts';
import { useRegionName } from '../common/useRegionName';
import { categoryLabel, WL } from '../i18n/strings';
import { caseHref } from './alert-case';
import { caseEvidenceLine } from './case-evidence';
import { D } from './duty-strings';

/** One case event the rule counted: when, which case, what happened to it and where (code on hover). */
function CaseEvidenceRow({ e }: { readonly e: AlertEvidenceCaseEvent }) {
  const township = useRegionName(e.township);
  const line = caseEvidenceLine(e, {
    kind: (type) => WL.event[type],
    category: categoryLabel,
    place: () => township,
  });
  return (
    <li data-testid="evidence-case-event" data-event-id={e.eventId}>
      <time dateTime={e.occurredAt}>{line.time}</time> {D.caseNo}{' '}
      <a href={caseHref(line.caseId)} data-testid="evidence-case-link">
        {line.caseId}
      </a>{' '}
      · {line.kind}
      {line.category !== undefined && ` · ${line.category}`} ·{' '}
      <span title={line.placeCode} data-testid="evidence-case-place">
        {line.place}
      </span>
    </li>
  );
}

/** The case events among an alert's evidence, newest first (rows of the evidence list). */
export function EvidenceCaseEvents({ events }: { readonly events: readonly AlertEvidenceCaseEvent[] }) {
  return (
    <>
      {events.map((e) => (
        <CaseEvidenceRow key={e.eventId} e={e} />
      ))}
    </>
  );
}
