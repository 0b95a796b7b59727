import { useState, type FormEvent } from 'react';
import {
  REPORT_CADENCE,
  REPORT_LEVELS,
  REPORT_PERIOD_KINDS,
  type ReportRequest,
  type ReportRequestStatus,
} from '@fengqiao/contracts';
import { W, WL } from '../i18n/strings';
import { downloadReport } from './downloads';
import { checkDraft, reportFileName, shanghaiDate, type DraftProblem, type ReportDraft } from './report-view';
import { RS } from './report-strings';
import { type SendError } from './useReportRequests';

const PROBLEM: Record<DraftProblem, string> = {
  'region-format': W.errRegionCode,
  'region-level': W.errRegionLevel,
  date: W.errDate,
};

/** One request: queued → running → ready (with its download) or failed (with the reason). */
function StatusLine({ s, reused }: { readonly s: ReportRequestStatus; readonly reused: boolean }) {
  const label = `${WL.level[s.level]} ${s.region} · ${s.period.label}`;
  const took =
    s.finishedAt === null
      ? ''
      : ` (${((Date.parse(s.finishedAt) - Date.parse(s.requestedAt)) / 1000).toFixed(1)} s)`;
  const note = reused ? ` · ${RS.reused}` : '';
  if (s.state === 'failed') {
    const why = s.failure === null ? '' : `: ${RS.failure[s.failure.code]} (${s.failure.code})`;
    return (
      <li className="report-status report-status--failed" role="alert" data-state={s.state}>
        {`${label} — ${RS.state.failed}${why}`}
      </li>
    );
  }
  if (s.state === 'ready' && s.reportId !== null) {
    const id = s.reportId;
    return (
      <li className="report-status report-status--done" data-state={s.state}>
        {`${label} — ${RS.state.ready}${took} `}
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
      {`${label} — ${RS.state[s.state]}${note}`}
    </li>
  );
}

function SendFailure({ e }: { readonly e: SendError }) {
  return (
    <p className="form-error" role="alert">
      {`${W.failed}: ${e.code === 'RATE_LIMITED' ? RS.tooMany : e.message} (${e.code})`}
    </p>
  );
}

/** Level, region, period and a day in it; the region must fit the level before anything is sent. */
export function ReportRequestForm(props: {
  readonly onRequest: (r: ReportRequest) => void;
  readonly statuses: readonly ReportRequestStatus[];
  readonly sendError: SendError | null;
  /** The id POST answered with when it reused an identical pending request. */
  readonly reused: string | null;
  readonly defaultRegion: string;
}) {
  const [d, setD] = useState<ReportDraft>({
    level: 'county',
    region: props.defaultRegion,
    periodKind: '',
    date: shanghaiDate(Date.now()),
  });
  const [problem, setProblem] = useState<{ field: 'region' | 'date'; problem: DraftProblem } | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const check = checkDraft(d);
    if (!check.ok) return setProblem(check);
    setProblem(null);
    props.onRequest(check.request);
  };
  const msg = (field: 'region' | 'date') =>
    problem?.field === field ? (
      <span className="form-error" role="alert">
        {PROBLEM[problem.problem]}
      </span>
    ) : null;
  return (
    <form className="wf-form report-request" onSubmit={submit} aria-label={W.requestReport}>
      <h2>{W.requestReport}</h2>
      <label>
        {W.level}
        <select
          name="level"
          value={d.level}
          onChange={(e) => setD({ ...d, level: e.target.value as ReportDraft['level'] })}
        >
          {REPORT_LEVELS.map((l) => (
            <option key={l} value={l}>{`${WL.level[l]} (${WL.periodKind[REPORT_CADENCE[l]]})`}</option>
          ))}
        </select>
      </label>
      <label>
        {W.regionCode}
        <input
          name="region"
          value={d.region}
          inputMode="numeric"
          onChange={(e) => setD({ ...d, region: e.target.value })}
          aria-invalid={problem?.field === 'region'}
        />
        {msg('region')}
      </label>
      <label>
        {W.period}
        <select
          name="periodKind"
          value={d.periodKind}
          onChange={(e) => setD({ ...d, periodKind: e.target.value as ReportDraft['periodKind'] })}
        >
          <option value="">{WL.periodKind[REPORT_CADENCE[d.level]]}</option>
          {REPORT_PERIOD_KINDS.filter((k) => k !== REPORT_CADENCE[d.level]).map((k) => (
            <option key={k} value={k}>
              {WL.periodKind[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {W.date}
        <input
          name="date"
          type="date"
          value={d.date}
          onChange={(e) => setD({ ...d, date: e.target.value })}
          aria-invalid={problem?.field === 'date'}
        />
        {msg('date')}
      </label>
      <button type="submit">{W.generate}</button>
      {props.sendError !== null && <SendFailure e={props.sendError} />}
      <ul className="report-statuses" data-testid="report-requests" aria-live="polite">
        {props.statuses.map((s) => (
          <StatusLine key={s.id} s={s} reused={s.id === props.reused} />
        ))}
      </ul>
    </form>
  );
}
