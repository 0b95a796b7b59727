import { useRef, type ReactNode } from 'react';
import { EChart, type ChartClick, type ChartHandle, type ChartOption } from '../charts/EChart';
import { exportCsvText, exportPng } from './exports';

interface Props {
  readonly title: string;
  readonly className: string;
  readonly testId: string;
  readonly option: ChartOption;
  /** File name without extension. */
  readonly file: string;
  /** The chart's data as CSV; no CSV button when absent. */
  readonly csv?: () => string;
  readonly maps?: Readonly<Record<string, object>>;
  readonly onClick?: (p: ChartClick) => void;
  /** Extra attributes for tests and a status line under the title. */
  readonly data?: Readonly<Record<`data-${string}`, string | number>>;
  readonly note?: ReactNode;
}

/** One analysis chart with its PNG export, and CSV of its own data where given. */
export function ChartPanel({
  title,
  className,
  testId,
  option,
  file,
  csv,
  maps,
  onClick,
  data,
  note,
}: Props) {
  const chart = useRef<ChartHandle>(null);
  return (
    <section className={className} data-testid={testId} {...data}>
      <h2>
        {title}
        {note !== undefined && <small className="analysis__note">{note}</small>}
        <span className="analysis__exports">
          {csv !== undefined && (
            <button
              type="button"
              onClick={() => exportCsvText(csv(), `${file}.csv`)}
              data-testid={`${testId}-csv`}
            >
              CSV
            </button>
          )}
          <button type="button" onClick={() => exportPng(chart.current?.toDataUrl(), `${file}.png`)}>
            PNG
          </button>
        </span>
      </h2>
      <EChart
        className="analysis__chart"
        option={option}
        label={title}
        handle={chart}
        maps={maps}
        onClick={onClick}
      />
    </section>
  );
}
