import { type Alert } from '@fengqiao/contracts';
import { isAlertUnacknowledged } from '@fengqiao/domain';

/** The red alert holding the wall, and until when (epoch ms) unless someone acknowledges it first. */
export interface Takeover {
  readonly alertId: string;
  readonly since: number;
  readonly until: number;
}

/**
 * Incident mode of one wall. Pure: time comes in with every action. `seen` remembers the reds that
 * had (or are queued for) their takeover, so a red never takes the wall twice; it is bounded, like
 * every wall buffer (STYLE.md §13).
 */
export interface TakeoverState {
  /** How long a takeover lasts without acknowledgement; 0 switches incident mode off. */
  readonly durationMs: number;
  readonly current: Takeover | undefined;
  /** Reds waiting for the wall, oldest raised first. */
  readonly queue: readonly string[];
  readonly seen: readonly string[];
}

export type TakeoverAction =
  /** The alerts the wall knows now (its alert book): new reds queue, acknowledged ones release. */
  | { readonly kind: 'alerts'; readonly alerts: Iterable<Alert>; readonly now: number }
  /** Time passed: a takeover whose time is up hands the wall to the next red, or back to the rotation. */
  | { readonly kind: 'tick'; readonly now: number };

export const SEEN_CAPACITY = 500;
/** More reds than this waiting at once: the oldest waiting lose their turn (the ticker still lists them). */
export const QUEUE_CAPACITY = 20;

export const initialTakeover = (durationMs: number): TakeoverState => ({
  durationMs,
  current: undefined,
  queue: [],
  seen: [],
});

const holdsWall = (a: Alert | undefined): boolean =>
  a !== undefined && a.colour === 'red' && isAlertUnacknowledged(a.state);

/**
 * A red that should take the wall: just raised (or back after being closed), unacknowledged, and
 * young enough that its takeover would still be running, so a wall that reloads takes up the
 * incident it was showing but not the reds of yesterday.
 */
function isNewRed(a: Alert, now: number, durationMs: number): boolean {
  if (!holdsWall(a) || a.state === 'escalated') return false;
  const since = Date.parse(a.state === 'reopened' ? a.updatedAt : a.raisedAt);
  return now - since < durationMs;
}

/** The head of the queue takes the wall for a full period; none left: back to the rotation. */
function advance(state: TakeoverState, now: number): TakeoverState {
  const [next, ...rest] = state.queue;
  return {
    ...state,
    current: next === undefined ? undefined : { alertId: next, since: now, until: now + state.durationMs },
    queue: rest,
  };
}

function observe(state: TakeoverState, alerts: Iterable<Alert>, now: number): TakeoverState {
  const byId = new Map<string, Alert>();
  for (const a of alerts) byId.set(a.alertId, a);
  const seen = new Set(state.seen);
  const fresh = [...byId.values()]
    .filter((a) => !seen.has(a.alertId) && isNewRed(a, now, state.durationMs))
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt))
    .map((a) => a.alertId);
  const queue = state.queue.filter((id) => holdsWall(byId.get(id)));
  const released = state.current !== undefined && !holdsWall(byId.get(state.current.alertId));
  if (fresh.length === 0 && queue.length === state.queue.length && !released) return state;
  const next: TakeoverState = {
    ...state,
    current: released ? undefined : state.current,
    queue: [...queue, ...fresh],
    seen: [...state.seen, ...fresh].slice(-SEEN_CAPACITY),
  };
  const moved = next.current === undefined ? advance(next, now) : next;
  return { ...moved, queue: moved.queue.slice(-QUEUE_CAPACITY) };
}

export function reduceTakeover(state: TakeoverState, action: TakeoverAction): TakeoverState {
  if (state.durationMs <= 0) return state;
  switch (action.kind) {
    case 'alerts':
      return observe(state, action.alerts, action.now);
    case 'tick':
      return state.current !== undefined && action.now >= state.current.until
        ? advance(state, action.now)
        : state;
  }
}

/** Whole seconds left on the takeover's countdown (0 when none runs). */
export function secondsLeft(state: TakeoverState, now: number): number {
  return state.current === undefined ? 0 : Math.max(0, Math.ceil((state.current.until - now) / 1000));
}
