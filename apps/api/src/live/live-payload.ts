import { type AlertChanged } from '@fengqiao/contracts';

/**
 * An alert change as the live stream sends it: without the officer's free-text `note`, which can
 * name people (docs/security.md, "who holds what, where"). Every role gets the same minimised
 * payload because one broadcast reaches walls and consoles alike; notes are read in the alert's
 * history over REST, by the roles that may see them.
 */
export function livePayload(change: AlertChanged): AlertChanged {
  if (change.note === undefined) return change;
  const { note: _note, ...rest } = change;
  return rest;
}
