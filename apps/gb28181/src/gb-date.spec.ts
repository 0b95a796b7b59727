import { gbDate } from './register-handler';

describe('gbDate (the 200 OK Date of a REGISTER: Beijing time, no zone, from libs/domain)', () => {
  it.each([
    ['2026-12-06T16:00:00.000Z', '2026-12-07T00:00:00.000'],
    ['2026-12-06T15:59:59.999Z', '2026-12-06T23:59:59.999'],
    ['2026-12-31T16:00:00.123Z', '2027-01-01T00:00:00.123'],
  ])('%s → %s', (utc, local) => {
    expect(gbDate(Date.parse(utc))).toBe(local);
  });
});
