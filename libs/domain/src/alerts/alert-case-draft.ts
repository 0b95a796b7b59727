import {
  CASE_CATEGORIES,
  maskFreeText,
  type Alert,
  type CaseCategory,
  type CaseIntakeRequest,
} from '@fengqiao/contracts';

type CaseChannel = CaseIntakeRequest['channel'];

/** What a case made from an alert starts from: the alert's place and the facts its rule compared. */
export interface AlertCaseDraft {
  readonly channel: CaseChannel;
  readonly region: Alert['region'];
  readonly location?: Alert['location'];
  readonly category: CaseCategory;
  /** Masked: no phone, ID or other long number (an alert carries no personal data to begin with). */
  readonly summary: string;
}

/** A case summary's longest form (the intake's own limit). */
export const CASE_SUMMARY_MAX = 500;

/** Facts that say a camera saw it (the case then came in by video). */
const CAMERA_FACTS = ['siteType', 'analyticsKind', 'online'] as const;

const isCategory = (v: unknown): v is CaseCategory =>
  typeof v === 'string' && (CASE_CATEGORIES as readonly string[]).includes(v);

/**
 * The case an officer starts from when turning an alert into one: the alert's township (and point),
 * the case category the rule compared (`category` fact) or 'other', and a summary from the title and
 * the rule's explanation, masked. Pure: the console prefills its form with it, the API fills what the
 * officer left out with it, so both say the same.
 */
export function caseDraftFromAlert(alert: Alert): AlertCaseDraft {
  const values = alert.explanation.values;
  const byCamera = CAMERA_FACTS.some((f) => values[f] !== undefined);
  const category = values.category;
  const summary = maskFreeText(`【预警转案件】${alert.title}：${alert.explanation.summary}`);
  return {
    channel: byCamera ? 'video' : 'window',
    region: alert.region,
    ...(alert.location === undefined ? {} : { location: alert.location }),
    category: isCategory(category) ? category : 'other',
    summary: summary.slice(0, CASE_SUMMARY_MAX),
  };
}
