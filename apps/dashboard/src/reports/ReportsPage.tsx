import { useCallback, useState } from 'react';
import {
  REPORT_LEVELS,
  REPORT_PERIOD_KINDS,
  routeAllows,
  type ReportListResponse,
} from '@fengqiao/contracts';
import { call } from '../api/call';
import { navigate } from '../app/router';
import { useSession } from '../auth/session';
import { usePolled } from '../common/hooks';
import { currentLang, W, WL } from '../i18n/strings';
import { filtersToSearch, listParams, parseFilters, shownReports, type ReportFilters } from './report-view';
import { RegionFilter } from '../common/RegionFilter';
import { ReportRequestForm } from './ReportRequestForm';
import { ReportTable } from './ReportTable';
import { AssessmentPanel } from './AssessmentPanel';
import { useReportRequests } from './useReportRequests';
import { WorkflowHeader } from '../cases/WorkflowHeader';
import '../cases/workflow.css';

const lang = currentLang(window.location.search);
/** The scheduler writes a few reports an hour; a minute is fresh enough for a list. */
const LIST_MS = 60_000;

function Filters({
  f,
  onChange,
}: {
  readonly f: ReportFilters;
  readonly onChange: (f: ReportFilters) => void;
}) {
  return (
    <div className="wf-filters" role="group" aria-label={W.reportsTitle}>
      <label>
        {W.level}
        <select
          name="f-level"
          value={f.level}
          onChange={(e) => onChange({ ...f, level: e.target.value as ReportFilters['level'] })}
        >
          <option value="">{W.all}</option>
          {REPORT_LEVELS.map((l) => (
            <option key={l} value={l}>
              {WL.level[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {W.period}
        <select
          name="f-period"
          value={f.periodKind}
          onChange={(e) => onChange({ ...f, periodKind: e.target.value as ReportFilters['periodKind'] })}
        >
          <option value="">{W.all}</option>
          {REPORT_PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {WL.periodKind[k]}
            </option>
          ))}
        </select>
      </label>
      <RegionFilter region={f.region} onChange={(region) => onChange({ ...f, region })} />
    </div>
  );
}

/** Pages after the first, loaded by "more" after the last row shown; reset with the filters. */
function useMorePages(filters: ReportFilters, key: string) {
  const [more, setMore] = useState<{ key: string; page: ReportListResponse | null }>({ key, page: null });
  const [busy, setBusy] = useState(false);
  const current = more.key === key ? more.page : null;
  const load = (cursor: string): void => {
    setBusy(true);
    call('reports.list', { query: listParams(filters, cursor) })
      .then((page) =>
        setMore({
          key,
          page: { items: [...(current?.items ?? []), ...page.items], nextCursor: page.nextCursor },
        }),
      )
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };
  return { page: current, busy, load };
}

/** Reports by role and region (the API scopes the list), their downloads, and on-demand requests. */
export function ReportsPage({ search }: { readonly search: string }) {
  const filters = parseFilters(search);
  const session = useSession();
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const requests = useReportRequests(reload);
  const key = `${filtersToSearch(filters)}#${reloads}`;
  const list = usePolled(
    (signal) => call('reports.list', { query: listParams(filters) }, signal),
    LIST_MS,
    key,
  );
  const more = useMorePages(filters, key);
  const next = more.page === null ? list.data?.nextCursor : more.page.nextCursor;
  const setFilters = (f: ReportFilters): void =>
    navigate(
      `/reports${filtersToSearch(parseFilters(filtersToSearch(f)), lang === 'en' ? 'en' : undefined)}`,
    );
  return (
    <main className="wf-page">
      <WorkflowHeader title={W.reportsTitle} />
      <Filters f={filters} onChange={setFilters} />
      <div className="wf-columns">
        <section className="wf-main">
          {list.error !== undefined && (
            <p className="form-error" role="alert">
              {list.error}
            </p>
          )}
          {list.data === undefined ? (
            <p className="muted">{W.loading}</p>
          ) : (
            <ReportTable items={shownReports(list.data.items, more.page?.items ?? [])} />
          )}
          {next !== undefined && next !== null && (
            <button
              type="button"
              data-testid="reports-more"
              disabled={more.busy}
              onClick={() => more.load(next)}
            >
              {W.loadMore}
            </button>
          )}
        </section>
        <aside className="wf-side">
          <ReportRequestForm
            onRequest={requests.send}
            statuses={requests.items}
            sendError={requests.sendError}
            reused={requests.reused}
            defaultRegion={session?.user.regions[0] ?? ''}
          />
        </aside>
      </div>
      {session !== null && routeAllows('assessments.quarterly', session.user.role) && <AssessmentPanel />}
    </main>
  );
}
