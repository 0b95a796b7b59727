import { type RuleSetInput } from '@fengqiao/contracts';
import { CITY_CALENDAR_2026 } from '@fengqiao/domain';
import { SINGLE_EVENT_RULES } from './single-event-rules';
import { HEALTH_AND_REPEAT_RULES, TIER_RULES } from './tier-rules';
import { WINDOW_AND_ANOMALY_RULES } from './window-rules';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** Per-camera alerts that a wider outage explains. */
const CAMERA_FAULT_RULES = 'key-site-camera-offline|dark-key-site-near-incident';

/** The default rule set: the domain of docs/rules.md as data. */
export const DEFAULT_RULE_SET: RuleSetInput = {
  schema: 'rule-set.v1',
  name: 'bazhong-default',
  version: 1,
  rules: [...SINGLE_EVENT_RULES, ...WINDOW_AND_ANOMALY_RULES, ...TIER_RULES, ...HEALTH_AND_REPEAT_RULES],
  inhibitions: [
    {
      id: 'red-over-orange',
      source: [{ label: 'colour', op: '=', value: 'red' }],
      target: [{ label: 'colour', op: '=', value: 'orange' }],
      equal: ['subject'],
    },
    {
      id: 'county-outage-over-cameras',
      source: [{ label: 'ruleId', op: '=', value: 'county-outage' }],
      target: [{ label: 'ruleId', op: '=~', value: CAMERA_FAULT_RULES }],
      equal: ['county'],
    },
    {
      id: 'township-outage-over-cameras',
      source: [{ label: 'ruleId', op: '=', value: 'township-cameras-offline' }],
      target: [{ label: 'ruleId', op: '=~', value: CAMERA_FAULT_RULES }],
      equal: ['township'],
    },
  ],
  escalation: { colour: 'red', ackTimeoutMs: 10 * MIN, ackTtlMs: 2 * 60 * MIN },
  reopenWithinMs: 3 * DAY,
  calendar: CITY_CALENDAR_2026,
  hotspot: {
    bucketMs: 60 * MIN,
    caseWeight: 1,
    analyticsWeight: 0.5,
    blindnessWeight: 1,
    categoryWeights: { 'land-acquisition': 1.5, 'labour-wages': 1.5, petition: 2, 'property-housing': 1.2 },
    riskFlagWeight: 1,
    minStd: 1,
  },
};
