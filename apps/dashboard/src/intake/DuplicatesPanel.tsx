import { type DuplicateCandidate } from '@fengqiao/contracts';
import { formatInstant } from '../cases/case-view';
import { categoryLabel, currentLang, W, WL } from '../i18n/strings';
import { type Asked } from './useIntakeQueries';

const lang = currentLang(window.location.search);

interface Props {
  readonly duplicates: Asked<readonly DuplicateCandidate[]>;
  readonly repeatOf: string | null;
  readonly onRepeat: (caseId: string | null) => void;
}

/** Earlier cases of the same parties and place, offered as a repeat visit (itself a risk signal). */
export function DuplicatesPanel({ duplicates, repeatOf, onRepeat }: Props) {
  const items = duplicates.data ?? [];
  if (items.length === 0 && repeatOf === null) return null;
  return (
    <section className="intake-duplicates" aria-live="polite" data-testid="duplicates-panel">
      <h2>{W.duplicates}</h2>
      <ul>
        {items.map((d) => (
          <li key={d.caseId}>
            <label className="wf-check">
              <input
                type="checkbox"
                checked={repeatOf === d.caseId}
                onChange={(e) => onRepeat(e.target.checked ? d.caseId : null)}
              />
              {`${W.repeatVisit}: ${d.caseId} · ${categoryLabel(d.category)} · ${WL.state[d.state]} · ${formatInstant(d.reportedAt, lang)}`}
            </label>
          </li>
        ))}
      </ul>
      {repeatOf !== null && <p className="intake-duplicates__marked">{W.repeatMarked}</p>}
    </section>
  );
}
