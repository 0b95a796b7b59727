import fc from 'fast-check';
import { alertSchema } from '@fengqiao/contracts';
import { Harness } from '../__fixtures__/engine';
import { analytics, MIN, reported, status, T0 } from '../__fixtures__/events';
import { type EngineInput } from './state';

type Gen = (at: number) => EngineInput;

/** A random but replayable stream over the 40 test cameras and one township's cases. */
const input: fc.Arbitrary<Gen> = fc.oneof(
  fc
    .record({
      cam: fc.integer({ min: 0, max: 39 }),
      kind: fc.constantFrom('fight', 'crowd', 'fire-smoke', 'intrusion' as const),
      conf: fc.double({ min: 0, max: 1, noNaN: true }),
      heads: fc.integer({ min: 0, max: 1500 }),
    })
    .map((r): Gen => (at) => ({
      kind: 'camera-analytics',
      event: analytics(at, r.cam, r.kind, r.conf, r.heads),
    })),
  fc
    .record({ cam: fc.integer({ min: 0, max: 39 }), online: fc.boolean() })
    .map((r): Gen => (at) => ({ kind: 'camera-status', event: status(at, r.cam, r.online) })),
  fc
    .record({
      violence: fc.boolean(),
      petition: fc.boolean(),
      visits: fc.integer({ min: 0, max: 5 }),
      cat: fc.constantFrom('neighbourhood', 'labour-wages' as const),
    })
    .map((r): Gen => (at) => ({
      kind: 'case',
      event: reported(at, {
        category: r.cat,
        flags: { violenceRisk: r.violence, groupPetition: r.petition, repeatVisits: r.visits },
      }),
    })),
  fc.constant<Gen>(() => ({ kind: 'tick' })),
);

const stream = fc.array(fc.tuple(input, fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 120 });

describe('determinism', () => {
  it('the same inputs at the same times give the same decisions, bit for bit (ids included)', () => {
    fc.assert(
      fc.property(stream, (items) => {
        let now = T0;
        const inputs = items.map(([gen, gapMin]) => {
          now += gapMin * MIN;
          return { input: gen(now), now };
        });
        const replay = () => {
          const h = new Harness();
          for (const { input: i, now: t } of inputs) h.feed(i, t);
          return JSON.stringify(h.decisions);
        };
        expect(replay()).toBe(replay());
      }),
      { numRuns: 60 },
    );
  });

  it('every alert the engine emits satisfies the alert contract', () => {
    fc.assert(
      fc.property(stream, (items) => {
        let now = T0;
        const h = new Harness();
        for (const [gen, gapMin] of items) h.feed(gen((now += gapMin * MIN)), now);
        for (const d of h.decisions) {
          if (d.type === 'refused' || d.type === 'suppressed') continue;
          expect(alertSchema.safeParse(d.alert).error).toBeUndefined();
        }
      }),
      { numRuns: 40 },
    );
  });
});
