import { AssessmentError } from './assessment-error';
import { quarterOfLabel } from './quarter';

describe('quarterOfLabel', () => {
  it('gives the Beijing dates of a quarter, the fourth ending on the next new year', () => {
    expect(quarterOfLabel('2026-Q4')).toEqual({ label: '2026-Q4', start: '2026-10-01', end: '2027-01-01' });
    expect(quarterOfLabel('2027-Q1')).toEqual({ label: '2027-Q1', start: '2027-01-01', end: '2027-04-01' });
  });

  it('refuses years no record can hold with QUARTER_INVALID (0996-Q1 answered a 996-Q1 label)', () => {
    for (const label of ['0996-Q1', '1999-Q4', '2200-Q1', '9999-Q4']) {
      expect(() => quarterOfLabel(label)).toThrow(AssessmentError);
      expect(() => quarterOfLabel(label)).toThrow(/outside 2000-2199/);
    }
    expect(() => quarterOfLabel('2026-Q5')).toThrow(/not a quarter/);
  });
});
