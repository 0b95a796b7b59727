import { type CaseSummary } from '@fengqiao/contracts';
import { useNow } from '../common/hooks';
import { categoryLabel, W, WL } from '../i18n/strings';
import { Countdown } from './Countdown';

interface Props {
  readonly items: readonly CaseSummary[];
  readonly fetchedAt: number;
  readonly selected: string;
  readonly onSelect: (caseId: string) => void;
}

/** Cases, most urgent first (the API's order), each with its ticking tier clock. */
export function CaseTable({ items, fetchedAt, selected, onSelect }: Props) {
  const now = useNow(1000);
  if (items.length === 0)
    return (
      <p className="muted" data-testid="case-list-empty">
        {W.noCases}
      </p>
    );
  return (
    <table className="wf-table case-table" data-testid="case-table">
      <thead>
        <tr>
          <th>ID</th>
          <th>{W.summary}</th>
          <th>{W.region}</th>
          <th>{W.tier}</th>
          <th>{W.state}</th>
          <th>{W.timeLeft}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr
            key={c.caseId}
            className={c.caseId === selected ? 'case-row case-row--on' : 'case-row'}
            data-testid="case-row"
            data-case-id={c.caseId}
          >
            <td>
              <button
                type="button"
                className="linklike"
                onClick={() => onSelect(c.caseId)}
                aria-pressed={c.caseId === selected}
              >
                {c.caseId}
              </button>
            </td>
            <td>
              <span className="muted">{categoryLabel(c.category)} · </span>
              {c.summary}
            </td>
            <td>{c.region.township}</td>
            <td>{c.tier === null ? '—' : WL.tier[c.tier]}</td>
            <td>{WL.state[c.state]}</td>
            <td>
              <Countdown clock={c.clock} fetchedAt={fetchedAt} now={now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
