import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TcpProxy, freePort, pollUntil, testConfig, uniqueName } from '@fengqiao/testing';

interface Health {
  status: string;
  components: { name: string; ok: boolean; detail: string }[];
}

// Issue 17 item 3: the warning service had no health endpoint, so a stuck consumer or a lost
// database was invisible. It now answers /health like every long-running app (libs/process):
// consumer progress and a database ping, 503 when either fails; SIGTERM stops it cleanly.
describe('the warning service /health', () => {
  const config = testConfig();
  let proxy: TcpProxy;
  let child: ChildProcess;
  let out = '';
  let port: number;

  beforeAll(async () => {
    const pg = new URL(config.postgres.url);
    proxy = await TcpProxy.start({ host: pg.hostname, port: Number(pg.port) });
    pg.port = String(proxy.port);
    port = await freePort();
    const main = join(config.repoRoot, 'apps/warning/src/main.ts');
    const args = ['-r', '@swc-node/register', main, '--group', uniqueName('warning-health')];
    args.push('--topic-suffix', uniqueName('wh'), '--health-port', String(port));
    child = spawn(process.execPath, args, {
      cwd: config.repoRoot,
      env: { ...process.env, DATABASE_URL: pg.toString(), FQ_HEALTH_DB_TIMEOUT_MS: '700' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  });
  afterAll(async () => {
    proxy.thaw();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await proxy.cut();
  });

  const health = async (): Promise<{ code: number; body: Health } | undefined> => {
    const res = await fetch(`http://${config.host}:${port}/health`).catch(() => undefined);
    return res === undefined ? undefined : { code: res.status, body: (await res.json()) as Health };
  };
  const failWithOutput = (err: unknown): never => {
    throw new Error(`${String(err)}\n${out.slice(-3000)}`);
  };

  it('is ok when running, 503 naming the database when it stops answering, and stops on SIGTERM', async () => {
    const ok = await pollUntil(
      async () => {
        const h = await health();
        return h?.code === 200 ? h : undefined;
      },
      'the warning service to be healthy',
      { timeoutMs: 90_000 },
    ).catch(failWithOutput);
    expect(ok.body.status).toBe('ok');
    expect(ok.body.components.map((c) => [c.name, c.ok])).toEqual([
      ['consumer', true],
      ['database', true],
    ]);

    proxy.freeze();
    const down = await pollUntil(
      async () => {
        const h = await health();
        return h?.code === 503 ? h : undefined;
      },
      'health to turn 503 with the database silent',
      { timeoutMs: 15_000 },
    ).catch(failWithOutput);
    expect(down.body.components.find((c) => c.name === 'database')).toMatchObject({ ok: false });
    proxy.thaw();
    await pollUntil(async () => (await health())?.code === 200, 'health to recover', { timeoutMs: 15_000 });

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('"message":"stopped"');
  });
});
