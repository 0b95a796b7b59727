import { useState } from 'react';
import { type ReportMetadata } from '@fengqiao/contracts';
import { ApiRequestError } from '../api/http';
import { formatInstant } from '../cases/case-view';
import { currentLang, W, WL } from '../i18n/strings';
import { downloadReport } from './downloads';
import { formatBytes, formatRate, reportFileName } from './report-view';

const lang = currentLang(window.location.search);

function DownloadButton({
  report,
  format,
}: {
  readonly report: ReportMetadata;
  readonly format: 'html' | 'pdf';
}) {
  const [error, setError] = useState<string | null>(null);
  const bytes = format === 'html' ? report.htmlBytes : report.pdfBytes;
  if (bytes === null) return <span title={report.pdfUnavailableReason ?? ''}>{W.noPdf}</span>;
  const click = (): void => {
    setError(null);
    downloadReport(report.id, format, reportFileName(report, format)).catch((err: unknown) =>
      setError(err instanceof ApiRequestError ? err.code : String(err)),
    );
  };
  return (
    <>
      <button type="button" onClick={click} data-testid={`download-${format}`}>
        {format.toUpperCase()} · {formatBytes(bytes)}
      </button>
      {error !== null && <span className="form-error">{error}</span>}
    </>
  );
}

/** The stored reports, newest period first, with their headline figures and downloads. */
export function ReportTable({ items }: { readonly items: readonly ReportMetadata[] }) {
  if (items.length === 0) return <p className="muted">{W.noReports}</p>;
  return (
    <table className="wf-table" data-testid="report-table">
      <thead>
        <tr>
          <th>{W.region}</th>
          <th>{W.level}</th>
          <th>{W.period}</th>
          <th>{W.casesIn}</th>
          <th>{W.casesClosed}</th>
          <th>{W.onTime}</th>
          <th>{W.alertsCount}</th>
          <th>{W.overdue}</th>
          <th>{W.trigger}</th>
          <th>{W.generatedAt}</th>
          <th>{W.download}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-testid="report-row" data-report-id={r.id}>
            <td>
              {r.regionName ?? r.region} <span className="muted">{r.region}</span>
            </td>
            <td>{WL.level[r.level]}</td>
            <td>
              {WL.periodKind[r.period.kind]} {r.period.label}
            </td>
            <td className="num">{r.summary.casesIn}</td>
            <td className="num">{r.summary.casesClosed}</td>
            <td className="num">{formatRate(r.summary.onTimeRate)}</td>
            <td className="num">{r.summary.alerts}</td>
            <td className="num">{r.summary.overdue}</td>
            <td>{WL.trigger[r.trigger]}</td>
            <td>{formatInstant(r.generatedAt, lang)}</td>
            <td className="wf-table__actions">
              <DownloadButton report={r} format="html" />
              <DownloadButton report={r} format="pdf" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
