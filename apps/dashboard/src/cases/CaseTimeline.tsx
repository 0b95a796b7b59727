import { type CaseTimelineEntry } from '@fengqiao/contracts';
import { WL } from '../i18n/strings';

/** The event's own fields worth a line (never personal data: the API leaves it out of `detail`). */
const SHOWN = [
  'tier',
  'department',
  'assignee',
  'mediator',
  'leader',
  'toLevel',
  'outcome',
  'satisfaction',
  'reason',
  'overrideReason',
];

function describe(detail: Readonly<Record<string, unknown>>): string {
  return SHOWN.filter((k) => typeof detail[k] === 'string' || typeof detail[k] === 'number')
    .map((k) => String(detail[k]))
    .join(' · ');
}

/** What happened to the case, oldest first. */
export function CaseTimeline({ entries }: { readonly entries: readonly CaseTimelineEntry[] }) {
  return (
    <ol className="case-timeline" data-testid="case-timeline">
      {entries.map((e) => (
        <li key={e.eventId}>
          <time dateTime={e.occurredAt}>{new Date(e.occurredAt).toLocaleString()}</time>
          <b>{WL.event[e.type]}</b>
          <span className="muted">{describe(e.detail)}</span>
        </li>
      ))}
    </ol>
  );
}
