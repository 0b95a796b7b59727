import { SipIntake, isUrgentSip } from './sip-intake';

/** A hand-driven loop: `schedule` queues a slice, `tick` runs the next; each handled item costs `costMs`. */
function harness(o: { sliceMs: number; maxQueued: number; costMs: number }) {
  let clock = 0;
  const slices: (() => void)[] = [];
  const handled: string[] = [];
  const intake = new SipIntake<string>(
    (item) => {
      handled.push(item);
      clock += o.costMs;
    },
    { sliceMs: o.sliceMs, maxQueued: o.maxQueued, now: () => clock, schedule: (run) => slices.push(run) },
  );
  const tick = (): boolean => {
    const run = slices.shift();
    run?.();
    return run !== undefined;
  };
  return { intake, handled, tick, slices };
}

describe('SipIntake', () => {
  it('handles a REGISTER that arrives behind a backlog of Catalog pages before them', () => {
    const h = harness({ sliceMs: 10, maxQueued: 1000, costMs: 2 });
    for (let i = 0; i < 100; i++) h.intake.push(`catalog-${i}`, false);
    h.tick(); // one slice: 5 pages at 2 ms each
    h.intake.push('register', true);
    h.tick();
    expect(h.handled.slice(0, 6)).toEqual([
      'catalog-0',
      'catalog-1',
      'catalog-2',
      'catalog-3',
      'catalog-4',
      'register',
    ]);
  });

  it('yields to the event loop after each slice and keeps order within a class', () => {
    const h = harness({ sliceMs: 10, maxQueued: 1000, costMs: 2 });
    for (let i = 0; i < 12; i++) h.intake.push(`m${i}`, false);
    expect(h.slices).toHaveLength(1); // one slice scheduled however many arrive
    h.tick();
    expect(h.handled).toHaveLength(5);
    while (h.tick());
    expect(h.handled).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`));
    expect(h.intake.size).toBe(0);
    expect(h.intake.longestWaitMs).toBe(20); // m10 waited for two slices of 10 ms
  });

  it('sheds the oldest non-urgent messages past its bound, never a REGISTER', () => {
    const h = harness({ sliceMs: 10, maxQueued: 3, costMs: 1 });
    h.intake.push('register-a', true);
    for (let i = 0; i < 5; i++) h.intake.push(`page-${i}`, false);
    h.intake.push('register-b', true);
    expect(h.intake.shed).toBe(4);
    while (h.tick());
    expect(h.handled).toEqual(['register-a', 'register-b', 'page-4']);
  });

  it('schedules again once the queue was empty', () => {
    const h = harness({ sliceMs: 10, maxQueued: 10, costMs: 1 });
    h.intake.push('a', false);
    h.tick();
    h.intake.push('b', false);
    expect(h.slices).toHaveLength(1);
    h.tick();
    expect(h.handled).toEqual(['a', 'b']);
  });
});

describe('isUrgentSip', () => {
  it('marks REGISTER requests and responses, not MESSAGEs', () => {
    expect(isUrgentSip(Buffer.from('REGISTER sip:x@y SIP/2.0\r\n'))).toBe(true);
    expect(isUrgentSip(Buffer.from('SIP/2.0 200 OK\r\n'))).toBe(true);
    expect(isUrgentSip(Buffer.from('MESSAGE sip:x@y SIP/2.0\r\n'))).toBe(false);
    expect(isUrgentSip(Buffer.from('REG'))).toBe(false);
  });
});
