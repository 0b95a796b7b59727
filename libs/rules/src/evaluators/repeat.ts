import { type Alert } from '@fengqiao/contracts';
import { type RepeatHistory } from '../alerts/alert-book';
import { type Signal } from '../alerts/decisions';
import { type Labels } from '../ruleset/matchers';
import { type Compiled } from '../ruleset/compile';
import { activeSignal, colourZh } from './signal';

type RepeatRule = Compiled<'repeat'>;

/**
 * Counts alerts of `fromColour` per place (camera or township); the `count`-th inside the window
 * raises the repeat rule's colour. The history keeps at most `count` times per place.
 */
export function repeatOnAlert(
  rules: readonly RepeatRule[],
  repeats: Map<string, RepeatHistory>,
  alert: Alert,
  labels: Labels,
  now: number,
  out: Signal[],
): void {
  if (labels.kind === 'repeat') return;
  const place = labels.place ?? '';
  for (const rule of rules) {
    if (alert.colour !== rule.fromColour) continue;
    const key = `${rule.id}|${place}`;
    const h = repeats.get(key) ?? { times: [], evidence: [] };
    repeats.set(key, h);
    while (h.times.length > 0 && (h.times[0] ?? 0) <= now - rule.windowMs) h.times.shift();
    h.times.push(now);
    h.evidence.push(...alert.explanation.evidence.slice(-5));
    if (h.evidence.length > 50) h.evidence.splice(0, h.evidence.length - 50);
    if (h.times.length < rule.count) continue;
    out.push(
      activeSignal(rule, {
        subject: place,
        colour: rule.colour,
        region: alert.region,
        ...(alert.location === undefined ? {} : { location: alert.location }),
        edge: true,
        summary: `${place} ${rule.windowMs / 3_600_000} 小时内出现 ${h.times.length} 次${colourZh(rule.fromColour)}预警`,
        evidence: h.evidence,
        values: { count: h.times.length, lastAlertId: alert.alertId },
        thresholds: { count: rule.count, windowMs: rule.windowMs },
      }),
    );
    repeats.delete(key);
  }
}

/** Tick: forget places whose last alert left every window. */
export function purgeRepeats(
  rules: readonly RepeatRule[],
  repeats: Map<string, RepeatHistory>,
  now: number,
): void {
  const longest = Math.max(0, ...rules.map((r) => r.windowMs));
  for (const [key, h] of repeats)
    if ((h.times[h.times.length - 1] ?? 0) <= now - longest) repeats.delete(key);
}
