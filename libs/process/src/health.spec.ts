import { evaluateHealth } from './health';

describe('evaluateHealth', () => {
  it('is ok only when every component is', async () => {
    const ok = await evaluateHealth(
      [{ name: 'db', check: () => ({ ok: true, detail: 'answered in 1 ms' }) }],
      0,
      100,
      () => 5000,
    );
    expect(ok).toEqual({
      status: 'ok',
      uptimeSeconds: 5,
      components: [{ name: 'db', ok: true, detail: 'answered in 1 ms' }],
    });
    const degraded = await evaluateHealth(
      [
        { name: 'db', check: () => ({ ok: true, detail: 'fine' }) },
        { name: 'consumer', check: () => Promise.resolve({ ok: false, detail: 'no progress' }) },
      ],
      0,
      100,
    );
    expect(degraded.status).toBe('degraded');
  });

  it('reports a check that hangs or throws as failed instead of hanging itself', async () => {
    const report = await evaluateHealth(
      [
        { name: 'db', check: () => new Promise(() => undefined) },
        {
          name: 'consumer',
          check: () => {
            throw new Error('pool ended');
          },
        },
      ],
      0,
      50,
    );
    expect(report.status).toBe('degraded');
    expect(report.components).toEqual([
      { name: 'db', ok: false, detail: 'no answer within 50 ms' },
      { name: 'consumer', ok: false, detail: 'pool ended' },
    ]);
  });
});
