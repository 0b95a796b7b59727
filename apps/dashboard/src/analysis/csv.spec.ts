import { toCsv } from './csv';

describe('chart CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(
      toCsv(
        ['day', 'name', 'n'],
        [
          ['2026-11-27', 'a,"b"', 3],
          ['2026-11-28', '=SUM(A1)', null],
        ],
      ),
    ).toBe('day,name,n\r\n2026-11-27,"a,""b""",3\r\n2026-11-28,\'=SUM(A1),\r\n');
  });
});
