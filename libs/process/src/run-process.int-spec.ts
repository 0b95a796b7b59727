import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

// Two small local helpers: @fengqiao/testing is a testing lib that this adapter lib may not import
// (module boundaries), and it depends on adapters itself.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function pollUntil(
  probe: () => boolean,
  what: string,
  { timeoutMs }: { timeoutMs: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// runProcess in a real child process: signals, the stop order and its deadline, uncaught errors and
// the health endpoint, as every app's main.ts gets them.
interface Fixture {
  readonly child: ChildProcess;
  readonly port: number;
  output(): string;
  exited: Promise<number | null>;
}

async function startFixture(...flags: string[]): Promise<Fixture> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'testing/fixture-app.ts'), '--port', String(port), ...flags],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await pollUntil(
    () => out.includes('"message":"started"') || child.exitCode !== null,
    'the fixture to start',
    {
      timeoutMs: 30_000,
    },
  );
  return { child, port, output: () => out, exited };
}

const get = (port: number, path: string) => fetch(`http://127.0.0.1:${port}${path}`);

describe('runProcess', () => {
  it('serves /health and /ready from the checks, 503 when one fails, nothing else', async () => {
    const ok = await startFixture();
    const unhealthy = await startFixture('--unhealthy');
    try {
      const health = await get(ok.port, '/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        components: [{ name: 'work', ok: true, detail: 'fine' }],
      });
      expect((await get(ok.port, '/ready')).status).toBe(200);
      expect((await get(ok.port, '/metrics')).status).toBe(404);
      const bad = await get(unhealthy.port, '/health');
      expect(bad.status).toBe(503);
      expect(await bad.json()).toMatchObject({
        status: 'degraded',
        components: [{ ok: false, detail: 'stuck' }],
      });
    } finally {
      ok.child.kill('SIGKILL');
      unhealthy.child.kill('SIGKILL');
    }
  });

  it('on SIGTERM stops the steps in their order and exits 0', async () => {
    const f = await startFixture();
    f.child.kill('SIGTERM');
    expect(await f.exited).toBe(0);
    const out = f.output();
    expect(out.indexOf('stopped first')).toBeGreaterThan(-1);
    expect(out.indexOf('stopped second')).toBeGreaterThan(out.indexOf('stopped first'));
    expect(out).toContain('"message":"stopped","time"');
  });

  it('abandons a stop that outlives the deadline with exit code 1', async () => {
    const f = await startFixture('--hang-on-stop');
    const t0 = Date.now();
    f.child.kill('SIGTERM');
    expect(await f.exited).toBe(1);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(f.output()).toContain('stop deadline passed');
  });

  it('logs an uncaught error with its stack, stops in order and exits 1', async () => {
    const f = await startFixture('--throw-after-ms', '200');
    expect(await f.exited).toBe(1);
    const out = f.output();
    expect(out).toContain('"message":"uncaught exception"');
    expect(out).toContain('boom in a timer');
    expect(out).toContain('fixture-app.ts');
    expect(out).toContain('stopped second');
  });
});
