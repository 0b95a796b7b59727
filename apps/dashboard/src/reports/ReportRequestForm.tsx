import { useState, type FormEvent } from 'react';
import { REPORT_CADENCE, REPORT_LEVELS, REPORT_PERIOD_KINDS, type ReportRequest } from '@fengqiao/contracts';
import { W, WL } from '../i18n/strings';
import { checkDraft, shanghaiDate, type DraftProblem, type ReportDraft } from './report-view';
import { type RequestStatus } from './useReportRequests';

const PROBLEM: Record<DraftProblem, string> = {
  'region-format': W.errRegionCode,
  'region-level': W.errRegionLevel,
  date: W.errDate,
};

function StatusLine({ s }: { readonly s: RequestStatus }) {
  const label = `${WL.level[s.request.level]} ${s.request.region} · ${s.request.date}`;
  const took = s.finishedAt === undefined ? '' : ` (${((s.finishedAt - s.startedAt) / 1000).toFixed(1)} s)`;
  switch (s.state) {
    case 'generating':
      return <li className="report-status report-status--busy">{`${label} — ${W.generating}`}</li>;
    case 'done':
      return <li className="report-status report-status--done">{`${label} — ${W.generated}${took}`}</li>;
    case 'failed':
      return (
        <li
          className="report-status report-status--failed"
          role="alert"
        >{`${label} — ${W.failed}: ${s.error ?? ''}`}</li>
      );
  }
}

/** Level, region, period and a day in it; the region must fit the level before anything is sent. */
export function ReportRequestForm(props: {
  readonly onRequest: (r: ReportRequest) => void;
  readonly statuses: readonly RequestStatus[];
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
      <ul className="report-statuses" data-testid="report-requests" aria-live="polite">
        {props.statuses.map((s) => (
          <StatusLine key={s.key} s={s} />
        ))}
      </ul>
    </form>
  );
}
