import { useState, type FormEvent } from 'react';
import {
  REPORT_CADENCE,
  REPORT_LEVELS,
  REPORT_PERIOD_KINDS,
  type ReportRequest,
  type ReportRequestStatus,
} from '@fengqiao/contracts';
import { regionDraftOf } from '../common/region-cascade';
import { RegionSelect } from '../common/RegionSelect';
import { useRegionLists } from '../common/useRegionChildren';
import { cityCode } from '../geo/city-districts';
import { S, W, WL } from '../i18n/strings';
import {
  cascadeLevelsOf,
  checkDraft,
  shanghaiDate,
  type DraftProblem,
  type ReportDraft,
} from './report-view';
import { RequestStatusLine, SendFailure } from './RequestStatusLine';
import { type SendError } from './useReportRequests';

type Problem = { field: 'region' | 'date'; problem: DraftProblem };

function problemText(p: Problem, level: ReportDraft['level']): string {
  switch (p.problem) {
    case 'region-missing':
      return W.errPickRegion(WL.level[level]);
    case 'region-format':
      return W.errRegionCode;
    case 'region-level':
      return W.errRegionLevel;
    case 'date':
      return W.errDate;
  }
}

const REGION_ERROR_ID = 'report-region-error';

/**
 * The region as the level needs it, picked through the address cascade (county for a county
 * report, down to the township for a township one, …); the city level needs no pick.
 */
function RegionPicker(props: {
  readonly d: ReportDraft;
  readonly problem: Problem | null;
  readonly onChange: (region: ReportDraft['region']) => void;
}) {
  const { d, problem } = props;
  const levels = cascadeLevelsOf(d.level);
  const lists = useRegionLists(d.region, levels.length);
  const wrong = problem?.field === 'region';
  if (levels.length === 0)
    return <p className="muted" data-testid="report-region-city">{`${S.city} ${cityCode()}`}</p>;
  return (
    <fieldset className="report-region" aria-describedby={wrong ? REGION_ERROR_ID : undefined}>
      <legend>{W.region}</legend>
      {levels.map((level) => (
        <label key={level}>
          {W[level]}
          <RegionSelect
            level={level}
            items={lists[level]}
            region={d.region}
            onChange={props.onChange}
            invalid={wrong && d.region[level] === ''}
            describedBy={wrong ? REGION_ERROR_ID : undefined}
          />
        </label>
      ))}
      {wrong && (
        <span className="form-error" role="alert" id={REGION_ERROR_ID}>
          {problemText(problem, d.level)}
        </span>
      )}
    </fieldset>
  );
}

/** Level, region (picked), period and a day in it; the region must fit the level before anything is sent. */
export function ReportRequestForm(props: {
  readonly onRequest: (r: ReportRequest) => void;
  readonly statuses: readonly ReportRequestStatus[];
  readonly sendError: SendError | null;
  /** The id POST answered with when it reused an identical pending request. */
  readonly reused: string | null;
  readonly defaultRegion: string;
}) {
  const [d, setD] = useState<ReportDraft>(() => ({
    level: 'county',
    region: regionDraftOf(props.defaultRegion),
    periodKind: '',
    date: shanghaiDate(Date.now()),
  }));
  const [problem, setProblem] = useState<Problem | null>(null);
  // A message about a field goes once that field changes: a fixed pick shows no stale complaint.
  const change = (next: Partial<ReportDraft>, field: Problem['field']): void => {
    setD({ ...d, ...next });
    if (problem?.field === field) setProblem(null);
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const check = checkDraft(d);
    if (!check.ok) return setProblem(check);
    setProblem(null);
    props.onRequest(check.request);
  };
  return (
    <form className="wf-form report-request" onSubmit={submit} aria-label={W.requestReport}>
      <h2>{W.requestReport}</h2>
      <label>
        {W.level}
        <select
          name="level"
          value={d.level}
          onChange={(e) => change({ level: e.target.value as ReportDraft['level'] }, 'region')}
        >
          {REPORT_LEVELS.map((l) => (
            <option key={l} value={l}>{`${WL.level[l]} (${WL.periodKind[REPORT_CADENCE[l]]})`}</option>
          ))}
        </select>
      </label>
      <RegionPicker d={d} problem={problem} onChange={(region) => change({ region }, 'region')} />
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
          onChange={(e) => change({ date: e.target.value }, 'date')}
          aria-invalid={problem?.field === 'date'}
        />
        {problem?.field === 'date' && (
          <span className="form-error" role="alert">
            {problemText(problem, d.level)}
          </span>
        )}
      </label>
      <button type="submit">{W.generate}</button>
      {props.sendError !== null && <SendFailure e={props.sendError} />}
      <ul className="report-statuses" data-testid="report-requests" aria-live="polite">
        {props.statuses.map((s) => (
          <RequestStatusLine key={s.id} s={s} reused={s.id === props.reused} />
        ))}
      </ul>
    </form>
  );
}
