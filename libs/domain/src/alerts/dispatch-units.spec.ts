import { dispatchRequestSchema } from '@fengqiao/contracts';
import { dispatchTargetsFor, dispatchUnitRef, parseDispatchUnitRef } from './dispatch-units';

describe('the units an alert is dispatched to', () => {
  it("offers the township's units first, then the county's, never the unnamed departments", () => {
    const targets = dispatchTargetsFor({ county: '511902', township: '511902105' });
    expect(targets.slice(0, 3)).toEqual([
      { unit: 'center', region: '511902105', level: 'township' },
      { unit: 'grid-management', region: '511902105', level: 'township' },
      { unit: 'dispute-resolution', region: '511902105', level: 'township' },
    ]);
    expect(targets.slice(3).every((t) => t.region === '511902' && t.level === 'county')).toBe(true);
    expect(targets.map((t) => t.unit)).not.toContain('department');
    expect(targets).toHaveLength(3 + 7);
  });

  it('offers only the county for a county-wide alert', () => {
    expect(dispatchTargetsFor({ county: '511921' }).every((t) => t.region === '511921')).toBe(true);
  });

  it.each(
    dispatchTargetsFor({ county: '511902', township: '511902105' }).map((t) => [dispatchUnitRef(t), t]),
  )('%s is a unit the dispatch route takes and reads back as the same unit', (ref, t) => {
    expect(dispatchRequestSchema.parse({ version: 1, unit: ref }).unit).toBe(ref);
    expect(parseDispatchUnitRef(ref)).toEqual({ unit: t.unit, region: t.region });
  });

  it.each(['派出所', 'center@5119', 'police@511902105', 'center@511902105x', ''])(
    'reads %j as free text',
    (ref) => {
      expect(parseDispatchUnitRef(ref)).toBeUndefined();
    },
  );
});
