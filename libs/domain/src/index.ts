/**
 * @fengqiao/domain — the one home of the domain's lifecycles and time, shared by the engine, the
 * API, the dashboard, intake and the reports: the alert transition table, the case lifecycle, the
 * case deadlines read from a rule set, the city's working-day calendar and its local clock (UTC+8).
 * Pure: no I/O, no clock reads, no randomness; every instant is an argument.
 */
export {
  ALERT_TRANSITIONS,
  alertActionsFrom,
  isAlertActionAllowed,
  planAlertTransition,
  refusalOf,
  type AlertAction,
  type AlertCommand,
  type AlertRefusal,
  type AlertTransition,
  type AlertTransitionPlan,
} from './alerts/alert-transitions';
export {
  FINISHED_ALERT_STATES,
  isAlertOpen,
  isAlertUnacknowledged,
  UNACKNOWLEDGED_ALERT_STATES,
} from './alerts/alert-states';
export {
  CASE_STEPS,
  caseEventsFrom,
  caseStepRows,
  isCaseOpen,
  planCaseEvent,
  type CaseStep,
  type CaseStepRow,
  type LifecyclePlan,
} from './cases/case-steps';
export {
  FINISHING_STEPS,
  ON_THE_SPOT,
  ROUTING_WITHIN_ONE_WORKING_DAY,
  caseClockRuleRows,
  caseDeadlinesOf,
  keepingEventsOf,
  stopsClock,
  type CaseClockRuleRow,
  type CaseDeadline,
  type CaseDeadlines,
  type ClockStart,
  type ClockStop,
} from './cases/case-deadlines';
export {
  AT_RISK_SHARE,
  caseDueTimesOf,
  dueAtOf,
  readClock,
  type CaseDueTimes,
  type ClockInput,
  type ClockReading,
} from './cases/case-clock';
export {
  CITY_OFFSET_MS,
  CITY_TIME_ZONE,
  CITY_UTC_OFFSET_MINUTES,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  cityClockTime,
  cityCompactDateOf,
  cityDateOf,
  cityDateTime,
  cityDayNumber,
  cityHourOf,
  cityMidnightMs,
  cityMonthOf,
  cityMsOfDay,
  cityStartOfDayMs,
  cityStartOfWeekMs,
  cityWeekdayHour,
  dateOfDayNumber,
  dayNumberOf,
  hourOfWeek,
  isoOf,
  weekdayOf,
} from './time/city-clock';
export { CITY_CALENDAR_2026 } from './time/city-calendar';
export { compileCalendar, type WorkingCalendar } from './time/working-calendar';
export {
  lastCompletedPeriod,
  oneYearEarlier,
  periodContaining,
  periodDays,
  previousPeriod,
} from './time/report-periods';
export { CASE_CATEGORY_NAMES_ZH } from './cases/case-category-names';
export { KPI_WINDOW_DAYS } from './cases/kpi-window';
export {
  ALERT_CAUSE_FACTS,
  ALERT_GROUP_WINDOW_MS,
  AlertGroupError,
  alertCauseOf,
  alertGroupKeyOf,
  groupAlerts,
  type AlertGroup,
} from './alerts/alert-groups';
export {
  alertQuality,
  medianMs,
  qualityFigures,
  type AlertQuality,
  type AlertQualityFact,
} from './alerts/alert-quality';
export { SilenceTracker, type SilenceOptions, type SilenceTransition } from './silence/silence-tracker';
export { CASE_SUMMARY_MAX, caseDraftFromAlert, type AlertCaseDraft } from './alerts/alert-case-draft';
export {
  dispatchTargetsFor,
  dispatchUnitRef,
  parseDispatchUnitRef,
  type DispatchTarget,
} from './alerts/dispatch-units';
