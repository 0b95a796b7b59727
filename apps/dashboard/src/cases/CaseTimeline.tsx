import { type CaseTimelineEntry } from '@fengqiao/contracts';
import { currentLang, WL } from '../i18n/strings';
import { formatInstant } from './case-view';

const lang = currentLang(window.location.search);

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

/** Code lists whose values are shown by name (a tier `general` as 一般纠纷). */
const NAMED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  tier: WL.tier,
  outcome: WL.outcome,
  toLevel: WL.toLevel,
};

function describe(detail: Readonly<Record<string, unknown>>): string {
  return SHOWN.filter((k) => typeof detail[k] === 'string' || typeof detail[k] === 'number')
    .map((k) => {
      const v = String(detail[k]);
      return k === 'satisfaction' ? '★'.repeat(Number(v)) : (NAMED[k]?.[v] ?? v);
    })
    .join(' · ');
}

/** What happened to the case, oldest first. */
export function CaseTimeline({ entries }: { readonly entries: readonly CaseTimelineEntry[] }) {
  return (
    <ol className="case-timeline" data-testid="case-timeline">
      {entries.map((e) => (
        <li key={e.eventId}>
          <time dateTime={e.occurredAt}>{formatInstant(e.occurredAt, lang)}</time>
          <b>{WL.event[e.type]}</b>
          <span className="muted">{describe(e.detail)}</span>
        </li>
      ))}
    </ol>
  );
}
