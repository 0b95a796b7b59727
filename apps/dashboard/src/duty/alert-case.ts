import { CASE_CATEGORIES, type Alert, type AlertCaseRequest, type CaseCategory } from '@fengqiao/contracts';
import { CASE_SUMMARY_MAX, caseDraftFromAlert } from '@fengqiao/domain';

/** What the officer edits before the alert becomes a case. */
export interface CaseForm {
  readonly category: CaseCategory;
  readonly summary: string;
}

/** The form prefilled with what the API would fill in itself (the domain's one draft). */
export function caseFormOf(alert: Alert): CaseForm {
  const draft = caseDraftFromAlert(alert);
  return { category: draft.category, summary: draft.summary };
}

export type CaseFormCheck =
  | { readonly ok: true; readonly body: AlertCaseRequest }
  | { readonly ok: false; readonly reason: 'summary-empty' | 'summary-long' | 'category' };

/** The request body for the form as edited, or why it cannot be sent (the intake's own limits). */
export function caseRequestOf(form: { category: string; summary: string }): CaseFormCheck {
  const summary = form.summary.trim();
  if (summary === '') return { ok: false, reason: 'summary-empty' };
  if (summary.length > CASE_SUMMARY_MAX) return { ok: false, reason: 'summary-long' };
  if (!(CASE_CATEGORIES as readonly string[]).includes(form.category))
    return { ok: false, reason: 'category' };
  return { ok: true, body: { category: form.category as CaseCategory, summary } };
}

/** The case's page on the cases view (selected by its number). */
export function caseHref(caseId: string): string {
  return `/cases?case=${encodeURIComponent(caseId)}`;
}

/** The alert opened on the duty console: the case's link back. */
export function alertHref(alertId: string): string {
  return `/duty?alert=${encodeURIComponent(alertId)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The alert a link opened the console on (`?alert=<uuid>`), if any. */
export function alertOfSearch(search: string): string | undefined {
  const id = new URLSearchParams(search).get('alert');
  return id !== null && UUID.test(id) ? id.toLowerCase() : undefined;
}
