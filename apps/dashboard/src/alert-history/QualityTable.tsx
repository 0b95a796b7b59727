import { type ReactNode } from 'react';
import { type AlertQualityFigures, type AlertQualityRow } from '@fengqiao/contracts';
import { H } from './history-strings';
import { formatDuration, formatRate } from './history-view';

const cells = (f: AlertQualityFigures): ReactNode[] => [
  f.alerts,
  formatDuration(f.mttaMs, H),
  formatDuration(f.mttrMs, H),
  `${f.falseAlarms}/${f.judged}`,
  formatRate(f.falseAlarmRate),
];

/** Figures of one dimension (level, region or rule), one row each, the overall row first. */
export function QualityTable(props: {
  readonly title: string;
  readonly testId: string;
  readonly rows: readonly AlertQualityRow[];
  readonly labelOf: (key: string) => ReactNode;
}) {
  return (
    <section className="history__quality" data-testid={props.testId} data-rows={props.rows.length}>
      <h2>{props.title}</h2>
      <table>
        <thead>
          <tr>
            <th />
            <th>{H.alerts}</th>
            <th>{H.mttaShort}</th>
            <th>{H.mttrShort}</th>
            <th>{H.falseOfJudged}</th>
            <th>{H.falseAlarmRate}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th>{props.labelOf(r.key)}</th>
              {cells(r).map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The headline figures of the whole filtered set. */
export function QualityTiles({ f }: { readonly f: AlertQualityFigures }) {
  const tiles: [string, string, string][] = [
    ['alerts', H.alerts, String(f.alerts)],
    ['mtta', H.mtta, formatDuration(f.mttaMs, H)],
    ['mttr', H.mttr, formatDuration(f.mttrMs, H)],
    ['false-alarm-rate', H.falseAlarmRate, formatRate(f.falseAlarmRate)],
  ];
  return (
    <div className="history__tiles">
      {tiles.map(([id, label, value]) => (
        <div key={id} className="history__tile" data-testid={`tile-${id}`}>
          <span>{label}</span>
          <strong>{value}</strong>
        </div>
      ))}
    </div>
  );
}
