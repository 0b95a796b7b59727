import { dispatchRequestSchema } from '@fengqiao/contracts';
import {
  dispatchTargetsFor,
  dispatchUnitRef,
  isDispatchUnitOf,
  parseDispatchUnitRef,
} from './dispatch-units';

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

  describe("which units stand at an alert's place", () => {
    const township = { county: '511902', township: '511902105' };
    it.each(dispatchTargetsFor(township).map((t) => [dispatchUnitRef(t)]))('%s does', (ref) => {
      expect(isDispatchUnitOf(township, ref)).toBe(true);
    });

    it.each([
      ['free text', '巴州派出所'],
      ['a unit of another township of the county', 'grid-management@511902106'],
      ['a unit of another county', 'center@511921'],
      ['a county sub-centre asked of the township', 'petition-reception@511902105'],
      ['the unnamed departments', 'department@511902'],
      ['the unit without its place', 'center'],
      ['a known unit with spaces around it', ' center@511902105 '],
    ])('%s (%j) does not', (_title, ref) => {
      expect(isDispatchUnitOf(township, ref)).toBe(false);
    });

    it("a county-wide alert has no township's units", () => {
      expect(isDispatchUnitOf({ county: '511902' }, 'center@511902105')).toBe(false);
      expect(isDispatchUnitOf({ county: '511902' }, 'center@511902')).toBe(true);
    });
  });
});
