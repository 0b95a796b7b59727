import { cityDateOf } from '@fengqiao/domain';
import { AssessmentError } from './assessment-error';

/** A calendar quarter in Beijing time: `start` inclusive, `end` exclusive (`YYYY-MM-DD`). */
export interface Quarter {
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

const pad = (m: number): string => String(m).padStart(2, '0');

/** Quarters the assessment can be asked for: the years a city's records can hold. */
export const QUARTER_YEARS = { min: 2000, max: 2199 } as const;

function quarterOfYear(year: number, q: number): Quarter {
  const first = (q - 1) * 3 + 1;
  const end = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(first + 3)}-01`;
  return { label: `${year}-Q${q}`, start: `${year}-${pad(first)}-01`, end };
}

/** The quarter holding a Beijing date. */
export function quarterOfDate(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return quarterOfYear(year, Math.floor((month - 1) / 3) + 1);
}

/** The quarter of a label `2026-Q4`; QUARTER_INVALID for anything else. */
export function quarterOfLabel(label: string): Quarter {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m === null) throw new AssessmentError('QUARTER_INVALID', `not a quarter: ${label}`);
  const year = Number(m[1]);
  if (year < QUARTER_YEARS.min || year > QUARTER_YEARS.max)
    throw new AssessmentError(
      'QUARTER_INVALID',
      `quarter ${label} is outside ${QUARTER_YEARS.min}-${QUARTER_YEARS.max}: no records can be assessed`,
    );
  return quarterOfYear(year, Number(m[2]));
}

/** The quarter holding the instant `now` (Beijing date). */
export function currentQuarter(now: number): Quarter {
  return quarterOfDate(cityDateOf(now));
}

/** The last quarter that ended before the Beijing date of `now`. */
export function lastCompletedQuarter(now: number): Quarter {
  const current = currentQuarter(now);
  const [y, q] = current.label.split('-Q').map(Number) as [number, number];
  return q === 1 ? quarterOfYear(y - 1, 4) : quarterOfYear(y, q - 1);
}
