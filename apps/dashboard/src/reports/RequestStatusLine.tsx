import { type ReportRequestStatus } from '@fengqiao/contracts';
import { W, WL } from '../i18n/strings';
import { downloadReport } from './downloads';
import { reportFileName } from './report-view';
import { type SendError } from './useReportRequests';

/** One request: queued → running → ready (with its download) or failed (with the reason). */
export function RequestStatusLine({
  s,
  reused,
}: {
  readonly s: ReportRequestStatus;
  readonly reused: boolean;
}) {
  const label = `${WL.level[s.level]} ${s.region} · ${s.period.label}`;
  const took =
    s.finishedAt === null
      ? ''
      : ` (${((Date.parse(s.finishedAt) - Date.parse(s.requestedAt)) / 1000).toFixed(1)} s)`;
  const note = reused ? ` · ${W.requestReused}` : '';
  if (s.state === 'failed') {
    const why = s.failure === null ? '' : `: ${WL.requestFailure[s.failure.code]} (${s.failure.code})`;
    return (
      <li className="report-status report-status--failed" role="alert" data-state={s.state}>
        {`${label} — ${WL.requestState.failed}${why}`}
      </li>
    );
  }
  if (s.state === 'ready' && s.reportId !== null) {
    const id = s.reportId;
    return (
      <li className="report-status report-status--done" data-state={s.state}>
        {`${label} — ${WL.requestState.ready}${took} `}
        <button
          type="button"
          data-testid="request-download-html"
          onClick={() => void downloadReport(id, 'html', reportFileName(s, 'html')).catch(() => undefined)}
        >
          HTML
        </button>
      </li>
    );
  }
  return (
    <li className="report-status report-status--busy" data-state={s.state}>
      {`${label} — ${WL.requestState[s.state]}${note}`}
    </li>
  );
}

/** Why the request was not queued; too many pending ones in the page's words. */
export function SendFailure({ e }: { readonly e: SendError }) {
  return (
    <p className="form-error" role="alert">
      {`${W.failed}: ${e.code === 'RATE_LIMITED' ? W.tooManyRequests : e.message} (${e.code})`}
    </p>
  );
}
