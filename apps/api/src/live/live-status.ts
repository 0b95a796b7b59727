import { type LiveStreamStatus } from '@fengqiao/contracts';
import { type TailState } from '@fengqiao/kafka';

/** What the wall is told for a state of the alert stream's Kafka consumer. */
export function liveStatusOf(tail: TailState): Pick<LiveStreamStatus, 'state' | 'reasons'> {
  switch (tail) {
    case 'running':
      return { state: 'ok', reasons: [] };
    case 'waiting for Kafka':
      return { state: 'degraded', reasons: ['kafka-unreachable'] };
    case 'starting':
      return { state: 'degraded', reasons: ['alert-stream-starting'] };
    case 'stopped':
      return { state: 'degraded', reasons: ['alert-stream-stopped'] };
  }
}

/**
 * Tracks the live status across observations of the tail state: `observe` answers the new status
 * when what the wall would be told changed (and keeps `since` while it did not), otherwise undefined.
 */
export class LiveStatusTracker {
  private status: LiveStreamStatus;

  constructor(tail: TailState, now: Date) {
    this.status = { ...liveStatusOf(tail), since: now.toISOString() };
  }

  current(): LiveStreamStatus {
    return this.status;
  }

  observe(tail: TailState, now: Date): LiveStreamStatus | undefined {
    const next = liveStatusOf(tail);
    const same = next.state === this.status.state && next.reasons.join(',') === this.status.reasons.join(',');
    if (same) return undefined;
    this.status = { ...next, since: now.toISOString() };
    return this.status;
  }
}
