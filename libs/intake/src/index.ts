/**
 * @fengqiao/intake — pure domain of one-stop case intake: ordered routing rules (first match
 * wins) and repeat-visit detection on party keys. The case lifecycle, the tier deadlines and the
 * calendar live in @fengqiao/domain. No I/O, no clock: time is always an argument.
 */
export {
  conditionsHold,
  suggestRouting,
  validateRoutingTable,
  type HourRange,
  type RoutingConditions,
  type RoutingInput,
  type RoutingMatch,
  type RoutingRule,
  type RoutingTableProblem,
} from './routing/routing-rules';
export { DEFAULT_ROUTING_RULES, defaultRoutingRules } from './routing/default-routing';
export {
  findRepeatVisits,
  normalisedPartyText,
  type EarlierCase,
  type RepeatVisit,
  type RepeatVisitQuery,
} from './parties/party-key';
export { partyKeyOf } from './parties/party-hmac';
