import { useMemo } from 'react';
import { call } from '../api/call';
import { beijingDate, buildCalendarOption, dailyTotals } from '../charts/builders/calendar-option';
import { usePolled } from '../common/hooks';
import { currentLang, M } from '../i18n/strings';
import { ChartPanel } from './ChartPanel';
import { toCsv } from './csv';
import { apiParams, type AnalysisView } from './view-state';

const lang = currentLang(window.location.search);
/** A calendar shorter than four weeks says little: short ranges show the last 28 days. */
const MIN_DAYS = 28;

/** Events per day over the view's range (day buckets of the trends series), weeks as columns. */
export function CalendarPanel({ view, scale, file }: { view: AnalysisView; scale: number; file: string }) {
  const days = Math.max(view.days, MIN_DAYS);
  const series = usePolled(
    (signal) =>
      call(
        'trends.series',
        { query: { ...apiParams({ ...view, days }, Date.now()), bucket: 'day' } },
        signal,
      ),
    300_000,
    `${view.region}|${view.category}|${days}`,
  );
  const totals = useMemo(() => dailyTotals(series.data?.points ?? []), [series.data]);
  const option = useMemo(() => {
    const now = Date.now();
    const range = [
      beijingDate(new Date(now - (days - 1) * 86_400_000).toISOString()),
      beijingDate(new Date(now).toISOString()),
    ] as const;
    return buildCalendarOption({ days: totals, range, scale, lang });
  }, [totals, days, scale]);
  return (
    <ChartPanel
      title={M.calendar}
      className="analysis__calendar"
      testId="calendar"
      option={option}
      file={`${file}-calendar`}
      csv={() => toCsv(['date', 'events'], totals)}
      data={{
        'data-days': series.data === undefined ? '' : totals.length,
        'data-total': totals.reduce((s, d) => s + d[1], 0),
      }}
    />
  );
}
