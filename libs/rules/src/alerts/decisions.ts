import {
  type Alert,
  type AlertChangeKind,
  type AlertColour,
  type AlertExplanation,
  type GeoPoint,
} from '@fengqiao/contracts';
import { type Labels } from '../ruleset/matchers';

/** Who made a human transition (never personal data beyond an opaque user id). */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}

interface AlertChangeBase {
  /** The alert after the change; its `version` is the one this change produced. */
  readonly alert: Alert;
  /** True when someone must be told now (raise, escalation, reopen, colour rise): at most once each. */
  readonly notify: boolean;
  /** Related alerts share a group key (the rule's groupBy labels) so notifiers can batch them. */
  readonly groupKey: string;
  readonly labels: Labels;
  readonly actor?: Actor;
  readonly note?: string;
}

/** A change of one alert, one per {@link AlertChangeKind}: exactly what `alert.changed.v1` carries. */
export type AlertChangeDecision = {
  [K in AlertChangeKind]: AlertChangeBase & { readonly type: K };
}[AlertChangeKind];

/** A would-be alert that an inhibition held back; nothing is persisted or notified. */
export interface SuppressedDecision {
  readonly type: 'suppressed';
  readonly reason: 'inhibited';
  readonly dedupKey: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly colour: AlertColour;
  readonly inhibitionId: string;
  readonly explanation: AlertExplanation;
}

/** Why a command was refused: stale versions lose, never overwrite. */
export type RefusalCode = 'ALERT_NOT_FOUND' | 'STALE_VERSION' | 'INVALID_TRANSITION';

export interface RefusedDecision {
  readonly type: 'refused';
  readonly code: RefusalCode;
  readonly alertId: string;
  readonly command: AlertCommand['kind'];
  readonly expectedVersion: number;
  readonly actualVersion?: number;
  readonly actualState?: Alert['state'];
}

/** Everything the engine can decide. Switch on `type`; the union is closed. */
export type Decision = AlertChangeDecision | SuppressedDecision | RefusedDecision;

interface CommandBase {
  readonly alertId: string;
  /** The version the actor saw; a different current version refuses the command. */
  readonly expectedVersion: number;
  readonly actor: Actor;
  readonly note?: string;
}

/** A human transition requested through the API. */
export type AlertCommand =
  | (CommandBase & { readonly kind: 'acknowledge' })
  | (CommandBase & { readonly kind: 'dispatch'; readonly department: string })
  | (CommandBase & { readonly kind: 'resolve'; readonly outcome: NonNullable<Alert['outcome']> })
  | (CommandBase & { readonly kind: 'close' })
  | (CommandBase & { readonly kind: 'silence' });

/** What an evaluator observed about one dedup key. */
export type Signal = ActiveSignal | InactiveSignal;

export interface ActiveSignal {
  readonly active: true;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly dedupKey: string;
  /** Edge signals (single events) fire once and never clear by themselves; level signals do. */
  readonly edge: boolean;
  readonly pendingMs: number;
  readonly clearAfterMs: number;
  readonly groupBy: readonly string[];
  readonly colour: AlertColour;
  readonly title: string;
  readonly labels: Labels;
  readonly region: Alert['region'];
  readonly location?: GeoPoint;
  readonly explanation: AlertExplanation;
}

export interface InactiveSignal {
  readonly active: false;
  readonly dedupKey: string;
  readonly clearAfterMs: number;
}
