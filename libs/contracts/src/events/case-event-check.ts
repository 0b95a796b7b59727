import { type z } from 'zod';
import { type CaseEvent, caseEventSchema } from './case-event';
import { codeOutsideCity, outsideExtentMessage, pointOutsideExtent, type CityExtent } from '../regions';
import { findForbiddenText } from './forbidden-text';

/** Why a case event is refused; the API answers 400 with it, the ingest dead-letters with it. */
export type CaseEventRejectCode =
  | 'FORBIDDEN_CHARACTER'
  | 'SCHEMA_INVALID'
  | 'INCONSISTENT_IDS'
  | 'REGION_OUTSIDE_CITY'
  | 'LOCATION_OUTSIDE_CITY';

export interface CaseEventIssue {
  /** Dotted path of the offending field; `(root)` for the whole event. */
  readonly path: string;
  readonly message: string;
}

export type CaseEventCheck =
  | { readonly ok: true; readonly event: CaseEvent }
  | {
      readonly ok: false;
      readonly code: CaseEventRejectCode;
      /** Precise and free of personal data: paths and rule messages, never field values. */
      readonly issues: readonly CaseEventIssue[];
    };

const refuse = (code: CaseEventRejectCode, issues: CaseEventIssue[]): CaseEventCheck => ({
  ok: false,
  code,
  issues,
});

function issuesOf(issues: readonly z.core.$ZodIssue[]): CaseEventIssue[] {
  return issues.slice(0, 5).map((i) => ({
    path: i.path.length === 0 ? '(root)' : i.path.map(String).join('.'),
    message: i.message,
  }));
}

/**
 * THE validator of a case event, for every producer and consumer (the API before it produces, the
 * ingest before it stores): the schema, no control or bidirectional characters in any text, and a
 * case id whose county is the event's county, and (given the configured city, FQ_CITY_CODE) a county
 * of that city, and (given the city's extent) a location inside it. A case event it accepts is never
 * refused downstream.
 */
export function checkCaseEvent(value: unknown, city?: string, extent?: CityExtent): CaseEventCheck {
  const forbidden = findForbiddenText(value);
  if (forbidden !== undefined)
    return refuse('FORBIDDEN_CHARACTER', [
      { path: forbidden, message: 'control or bidirectional formatting characters are not allowed' },
    ]);
  const parsed = caseEventSchema.safeParse(value);
  if (!parsed.success) return refuse('SCHEMA_INVALID', issuesOf(parsed.error.issues));
  const event = parsed.data;
  if (event.caseId.slice(1, 7) !== event.region.county)
    return refuse('INCONSISTENT_IDS', [
      { path: 'caseId', message: 'county code differs from region.county' },
    ]);
  if (city !== undefined && codeOutsideCity([event.region.county], city) !== undefined)
    return refuse('REGION_OUTSIDE_CITY', [
      { path: 'region.county', message: `not in the configured city (FQ_CITY_CODE ${city.slice(0, 4)})` },
    ]);
  const location = event.type === 'reported' ? event.location : undefined;
  if (extent !== undefined && location !== undefined && pointOutsideExtent(location, extent))
    return refuse('LOCATION_OUTSIDE_CITY', [{ path: 'location', message: outsideExtentMessage(extent) }]);
  return { ok: true, event };
}
