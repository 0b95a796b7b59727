import { useEffect, useState } from 'react';
import { type CaseDetail, type UserRole } from '@fengqiao/contracts';
import { call } from '../api/call';
import { useNow, usePolled } from '../common/hooks';
import { alertHref } from '../duty/alert-case';
import { D } from '../duty/duty-strings';
import { categoryLabel, S, W, WL } from '../i18n/strings';
import { actionsFor, type CaseCommandKind } from './case-actions';
import { CaseActionForm } from './CaseActionForm';
import { Countdown } from './Countdown';
import { PartiesReveal, type Revealed } from './PartiesReveal';
import { CaseTimeline } from './CaseTimeline';

interface Props {
  readonly caseId: string;
  readonly role: UserRole;
  readonly reloadKey: number;
  readonly busy: boolean;
  readonly onCommand: (kind: CaseCommandKind, body: Record<string, unknown>) => void;
}

const DETAIL_MS = 30_000;

/** The parties as the API gave them, or in full once revealed (then with their ID numbers). */
function Parties({ d, revealed }: { readonly d: CaseDetail; readonly revealed: Revealed | null }) {
  const parties = revealed?.parties ?? d.parties;
  return (
    <ul
      className="case-parties"
      data-testid="case-parties"
      data-view={revealed === null ? d.partiesView : 'full'}
    >
      {parties.map((p, i) => (
        <li key={i}>
          {p.name}
          {p.phone !== undefined && <span className="muted"> · {p.phone}</span>}
          {p.idNumber !== undefined && <span className="muted"> · {p.idNumber}</span>}
        </li>
      ))}
      {d.partiesCount > d.parties.length && (
        <li className="muted">{`+${d.partiesCount - d.parties.length}`}</li>
      )}
    </ul>
  );
}

/** One case: where it stands, its masked parties, its timeline, and the actions the role may try. */
export function CaseDetailPanel({ caseId, role, reloadKey, busy, onCommand }: Props) {
  const now = useNow(1000);
  const [open, setOpen] = useState<CaseCommandKind | null>(null);
  // Full parties stay only while this case's panel is open: another case or closing drops them.
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  useEffect(() => setRevealed(null), [caseId]);
  const detail = usePolled(
    (signal) => call('cases.detail', { params: { caseId } }, signal),
    DETAIL_MS,
    `${caseId}#${reloadKey}`,
  );
  const d = detail.data;
  if (d === undefined || d.case.caseId !== caseId)
    return <section className="case-detail">{detail.error ?? W.loading}</section>;
  const c = d.case;
  const shown = revealed?.caseId === caseId ? revealed : null;
  const actions = actionsFor(c.state, c.tier, role);
  const flags = (['violenceRisk', 'extremeWords', 'groupPetition'] as const).filter((f) => d.riskFlags[f]);
  return (
    <section className="case-detail" data-testid="case-detail" data-case-id={caseId} data-state={c.state}>
      <h2>{c.caseId}</h2>
      <p>{c.summary}</p>
      <dl className="wf-dl">
        <dt>{S.category}</dt>
        <dd>{`${categoryLabel(c.category)} · ${WL.channel[c.channel]}`}</dd>
        <dt>{W.state}</dt>
        <dd data-testid="case-state">{WL.state[c.state]}</dd>
        <dt>{W.tier}</dt>
        <dd>
          {c.tier === null
            ? '—'
            : `${WL.tier[c.tier]} · ${c.department ?? ''} · ${c.unit === null ? '' : WL.unit[c.unit]}`}
        </dd>
        <dt>{W.timeLeft}</dt>
        <dd>
          {detail.fetchedAt !== undefined && (
            <Countdown clock={c.clock} fetchedAt={detail.fetchedAt} now={now} />
          )}
        </dd>
        {(d.fromAlerts ?? []).length > 0 && <dt>{D.fromAlerts}</dt>}
        {(d.fromAlerts ?? []).length > 0 && (
          <dd data-testid="case-from-alerts">
            {(d.fromAlerts ?? []).map((id) => (
              <a key={id} href={alertHref(id)} title={D.openAlert} data-alert-id={id}>
                {id.slice(0, 8)}
              </a>
            ))}
          </dd>
        )}
        {c.assignee !== null && <dt>{W.assignee}</dt>}
        {c.assignee !== null && <dd>{c.assignee}</dd>}
        {flags.length + d.riskFlags.repeatVisits > 0 && <dt>{W.riskFlags}</dt>}
        {flags.length + d.riskFlags.repeatVisits > 0 && (
          <dd className="case-flags">
            {[
              ...flags.map((f) => WL.risk[f]),
              ...(d.riskFlags.repeatVisits > 0 ? [W.repeatMarked] : []),
            ].join(' · ')}
          </dd>
        )}
      </dl>
      <h3>{W.parties}</h3>
      <Parties d={d} revealed={shown} />
      {shown === null ? (
        <PartiesReveal key={caseId} caseId={caseId} role={role} onRevealed={setRevealed} />
      ) : (
        <p className="muted" role="status" data-testid="case-reveal-audited">
          {W.revealAudited(shown.reason)}
        </p>
      )}
      {actions.length > 0 && (
        <div className="wf-table__actions" role="toolbar" aria-label={W.actions}>
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              onClick={() => setOpen(a)}
              aria-pressed={open === a}
              data-testid={`case-action-${a}`}
            >
              {WL.command[a]}
            </button>
          ))}
        </div>
      )}
      {open !== null && (
        <CaseActionForm
          key={open}
          kind={open}
          busy={busy}
          onCancel={() => setOpen(null)}
          onSubmit={(body) => {
            onCommand(open, body);
            setOpen(null);
          }}
        />
      )}
      <h3>{W.timeline}</h3>
      <CaseTimeline entries={d.timeline} />
    </section>
  );
}
