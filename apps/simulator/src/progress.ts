import { cityClockTime } from '@fengqiao/domain';
import { type SimCounters } from './sim-runner';
import { type Incident } from './traffic/incidents';

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Formats the one-line progress report from two counter snapshots `seconds` apart. */
export function progressLine(input: {
  readonly nowMs: number;
  readonly seconds: number;
  readonly before: SimCounters;
  readonly after: SimCounters;
  readonly cameras: number;
  readonly rate: number;
  readonly behindMs: number;
  readonly openCaseEvents: number;
  readonly incidents: readonly Incident[];
}): string {
  const { before, after, seconds } = input;
  const d = (k: keyof SimCounters): number => (after[k] - before[k]) / seconds;
  const statusN = after.status - before.status;
  const online = statusN === 0 ? 100 : (100 * (after.statusOnline - before.statusOnline)) / statusN;
  const total = d('status') + d('analytics') + d('cases');
  const produced = after.status + after.analytics + after.cases;
  const clock = cityClockTime(input.nowMs);
  const incidents = input.incidents
    .map((i) => `${i.kind}@${i.target} (${Math.ceil((i.endMs - input.nowMs) / 60_000)} min left)`)
    .join(', ');
  return (
    `simulator ${clock} CST · ${fmt(input.cameras)} cameras ×${input.rate} (${fmt(online, 1)}% online) · ` +
    `status ${fmt(d('status'))}/s analytics ${fmt(d('analytics'), 1)}/s cases ${fmt(d('cases'), 2)}/s · ` +
    `total ${fmt(total)}/s · produced ${fmt(produced)} · behind ${fmt(input.behindMs / 1000, 1)} s · ` +
    `open case events ${fmt(input.openCaseEvents)}${incidents === '' ? '' : ` · incidents: ${incidents}`}`
  );
}
