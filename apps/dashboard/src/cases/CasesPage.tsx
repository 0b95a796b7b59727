import { useCallback, useState } from 'react';
import { call } from '../api/call';
import { navigate } from '../app/router';
import { useSession } from '../auth/session';
import { usePolled } from '../common/hooks';
import { currentLang, WL, W } from '../i18n/strings';
import { type CaseCommandKind } from './case-actions';
import { caseFiltersToSearch, caseListParams, parseCaseFilters, type CaseFilters } from './case-view';
import { CaseDetailPanel } from './CaseDetailPanel';
import { CaseFiltersBar } from './CaseFiltersBar';
import { CaseTable } from './CaseTable';
import { useCaseCommand } from './useCaseCommand';
import { WorkflowHeader } from './WorkflowHeader';
import './workflow.css';
import './cases.css';

const lang = currentLang(window.location.search);
/** Clocks tick locally; the list itself is reloaded this often for new cases and states. */
const LIST_MS = 15_000;

/** Cases in the caller's scope with filters, ticking tier clocks, detail and lifecycle actions. */
export function CasesPage({ search }: { readonly search: string }) {
  const f = parseCaseFilters(search);
  const session = useSession();
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const cmd = useCaseCommand(reload);
  const listKey = caseFiltersToSearch({ ...f, selected: '' });
  const list = usePolled(
    (signal) => call('cases.list', { query: caseListParams(f) }, signal),
    LIST_MS,
    `${listKey}#${reloads}`,
  );
  const go = (next: CaseFilters): void =>
    navigate(`/cases${caseFiltersToSearch(next, lang === 'en' ? 'en' : undefined)}`, { replace: true });
  const run = (kind: CaseCommandKind, body: Record<string, unknown>): void =>
    cmd.send(f.selected, kind, body, WL.command[kind]);
  return (
    <main className="wf-page cases">
      <WorkflowHeader title={W.casesTitle}>
        {list.data !== undefined && (
          <span className="muted" data-testid="case-total">{`${list.data.total}`}</span>
        )}
      </WorkflowHeader>
      <CaseFiltersBar f={f} onChange={(next) => go({ ...next, selected: f.selected })} />
      {cmd.notice !== null && (
        <p
          className={`wf-notice wf-notice--${cmd.notice.kind}`}
          role={cmd.notice.kind === 'ok' ? 'status' : 'alert'}
          data-testid="case-notice"
        >
          {cmd.notice.kind === 'conflict' ? `${W.conflictCase} — ` : ''}
          {`${cmd.notice.caseId} · ${cmd.notice.message}`}
          <button type="button" onClick={cmd.dismiss}>
            ×
          </button>
        </p>
      )}
      <div className="wf-columns cases__columns">
        <section className="wf-main">
          {list.error !== undefined && (
            <p className="form-error" role="alert">
              {list.error}
            </p>
          )}
          {list.data === undefined || list.fetchedAt === undefined ? (
            <p className="muted">{W.loading}</p>
          ) : (
            <CaseTable
              items={list.data.items}
              fetchedAt={list.fetchedAt}
              selected={f.selected}
              onSelect={(selected) => go({ ...f, selected })}
            />
          )}
        </section>
        <aside className="wf-side">
          {f.selected !== '' && session !== null && (
            <CaseDetailPanel
              caseId={f.selected}
              role={session.user.role}
              reloadKey={reloads}
              busy={cmd.busy}
              onCommand={run}
            />
          )}
        </aside>
      </div>
    </main>
  );
}
