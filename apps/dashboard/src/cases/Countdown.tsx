import { type CaseClock } from '@fengqiao/contracts';
import { currentLang, W, WL } from '../i18n/strings';
import { formatDuration, statusNow, timeLeftNow } from './case-view';

const lang = currentLang(window.location.search);

/** A tier clock (ticking with `now`, one timer per list rather than per row), coloured by its state (at risk amber, breached red). */
export function Countdown(props: {
  readonly clock: CaseClock;
  readonly fetchedAt: number;
  readonly now: number;
}) {
  const { clock, fetchedAt, now } = props;
  const left = timeLeftNow(clock, fetchedAt, now);
  const status = statusNow(clock, left);
  const open = status === 'on-track' || status === 'at-risk' || status === 'breached';
  const text =
    left === null || !open
      ? WL.clock[status]
      : left < 0
        ? W.overdueBy(formatDuration(left, lang))
        : formatDuration(left, lang);
  return (
    <span
      className={`clock clock--${status}`}
      data-testid="countdown"
      data-status={status}
      title={clock.dueAt ?? ''}
    >
      {status === 'at-risk' && <b>{WL.clock[status]} </b>}
      {text}
    </span>
  );
}
