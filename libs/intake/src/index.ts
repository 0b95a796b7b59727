/**
 * @fengqiao/intake — pure domain of one-stop case intake: ordered routing rules (first match
 * wins), repeat-visit detection on party keys, the case lifecycle, and service-tier clocks on the
 * working-day calendar of @fengqiao/rules. No I/O, no clock: time is always an argument.
 */
export {
  conditionsHold,
  localTimeOf,
  suggestRouting,
  validateRoutingTable,
  type HourRange,
  type RoutingConditions,
  type RoutingInput,
  type RoutingMatch,
  type RoutingRule,
  type RoutingTableProblem,
} from './routing/routing-rules';
export { DEFAULT_ROUTING_RULES } from './routing/default-routing';
export {
  AT_RISK_SHARE,
  BAZHONG_CALENDAR_SPEC,
  ROUTING_WINDOW,
  TIER_WINDOWS,
  bazhongCalendar,
  readClock,
  routingDueAt,
  tierDueAt,
  type ClockInput,
  type ClockReading,
} from './clock/tier-clocks';
export {
  findRepeatVisits,
  normalisedPartyText,
  type EarlierCase,
  type RepeatVisit,
  type RepeatVisitQuery,
} from './parties/party-key';
export { partyKeyOf } from './parties/party-hmac';
export { isOpen, planCaseEvent, type LifecyclePlan } from './lifecycle/case-lifecycle';
