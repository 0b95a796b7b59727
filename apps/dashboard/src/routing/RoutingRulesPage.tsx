import { type RoutingTableDetail, type RoutingTableSummary } from '@fengqiao/contracts';
import { call } from '../api/call';
import { formatInstant } from '../cases/case-view';
import { WorkflowHeader } from '../cases/WorkflowHeader';
import { usePolled } from '../common/hooks';
import { currentLang, R, W } from '../i18n/strings';
import { routingRows } from './routing-view';
import '../cases/workflow.css';

const lang = currentLang(window.location.search);
/** Tables change a few times a year; the API instances themselves follow within 30 s. */
const REFRESH_MS = 60_000;

function RulesTable({ table }: { readonly table: RoutingTableDetail }) {
  return (
    <table className="wf-table" data-testid="routing-rules">
      <thead>
        <tr>
          <th scope="col">{R.order}</th>
          <th scope="col">{R.rule}</th>
          <th scope="col">{R.conditions}</th>
          <th scope="col">{R.routeTo}</th>
        </tr>
      </thead>
      <tbody>
        {routingRows(table.rules).map((row) => (
          <tr key={row.id}>
            <td>{row.order}</td>
            <td>
              {row.title}
              <div className="muted">{row.id}</div>
            </td>
            <td>{row.conditions.length === 0 ? R.catchAll : row.conditions.join(' · ')}</td>
            <td>
              {row.department}
              <div className="muted">
                {row.tier} · {row.unit}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VersionsTable({ items }: { readonly items: readonly RoutingTableSummary[] }) {
  return (
    <table className="wf-table" data-testid="routing-versions">
      <caption>{R.versions}</caption>
      <thead>
        <tr>
          <th scope="col">{R.version}</th>
          <th scope="col">{W.state}</th>
          <th scope="col">{R.createdBy}</th>
          <th scope="col">{R.note}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((v) => (
          <tr key={v.version}>
            <td>{v.version}</td>
            <td>{R.status[v.status]}</td>
            <td>
              {v.createdBy}
              <div className="muted">{formatInstant(v.createdAt, lang)}</div>
            </td>
            <td>{v.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The active routing table, read-only, with its versions (administrators; changes go through the API). */
export function RoutingRulesPage() {
  const active = usePolled((s) => call('routing.active', {}, s), REFRESH_MS);
  const versions = usePolled((s) => call('routing.versions', {}, s), REFRESH_MS);
  const table = active.data;
  const error = active.error ?? versions.error;
  return (
    <main className="wf-page">
      <WorkflowHeader title={R.routingTitle} />
      {error !== undefined && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {table === undefined ? (
        <p className="muted">{R.loading}</p>
      ) : (
        <section className="wf-main" aria-label={R.routingTitle}>
          <p data-testid="routing-version">
            {R.activeVersion(table.version)}
            {table.activatedAt !== null &&
              ` · ${R.activatedBy(table.activatedBy ?? '—', formatInstant(table.activatedAt, lang))}`}
          </p>
          <p className="muted">{R.readOnly}</p>
          <RulesTable table={table} />
        </section>
      )}
      {versions.data !== undefined && <VersionsTable items={versions.data.items} />}
    </main>
  );
}
